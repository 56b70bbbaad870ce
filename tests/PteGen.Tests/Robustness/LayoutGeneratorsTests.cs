using CsCheck;

namespace PteGen.Tests.Robustness;

/// <summary>
/// The random layouts of <see cref="RandomLayoutTests"/> reach every declaration shape they are meant to, valid ones
/// included (a shape the generators stopped producing would leave it untested without any test failing).
/// </summary>
public sealed class LayoutGeneratorsTests
{
    private const int SampleSize = 5_000;

    /// <summary>Random layouts, each with whether the oracle judges it (and its case twin, if any) valid.</summary>
    private static readonly Lazy<List<(LayoutSpec Spec, bool Valid)>> Sample = new(() =>
        new LayoutGenerators(GenerationOptions.Today).Layouts.Array[SampleSize].Single()
            .Select(spec => (spec, IsValid(spec)))
            .ToList());

    /// <summary>A rare shape that no valid layout of the sample has gets this many more samples before the test fails.</summary>
    private const int ExtraSamples = 10;

    private static bool IsValid(LayoutSpec spec) => spec.Layouts().All(layout => LayoutOracle.Judge(layout).IsValid);

    /// <summary>Each shape: what it is, and whether the oracle must also have judged some layout of that shape valid.</summary>
    private static readonly Dictionary<string, (Func<LayoutSpec, bool> Has, bool AlsoValid)> Shapes = new()
    {
        ["a record struct"] = (s => s.Declaration.Kind == LayoutKind.RecordStruct, false),
        ["a ref struct"] = (s => s.Declaration.Kind == LayoutKind.RefStruct, false),
        ["a class"] = (s => s.Declaration.Kind == LayoutKind.Class, false),
        ["a record class"] = (s => s.Declaration.Kind == LayoutKind.RecordClass, false),
        ["a struct that is not readonly"] = (s => !s.Declaration.IsReadonly, true),
        ["a struct that is not partial"] = (s => !s.Declaration.IsPartial, false),
        ["a generic layout"] = (s => s.Declaration.IsGeneric, false),
        ["a file-local layout"] = (s => s.Declaration.IsFileLocal && s.Nesting.IsEmpty, false),
        ["an unsafe layout"] = (s => s.Declaration.IsUnsafe, true),
        ["a 'new' layout"] = (s => s.Declaration.IsNew && !s.Nesting.IsEmpty, true),
        ["a private layout"] = (s => s.Declaration.Accessibility == "private", true),
        ["a protected layout"] = (s => s.Declaration.Accessibility.Contains("protected", StringComparison.Ordinal), true),
        ["a layout in two parts"] = (s => s.Declaration.TwoParts, true),
        ["a layout in a class"] = (s => s.Nesting.Any(c => c.Kind == ContainerKind.Class), true),
        ["a layout in a static class"] = (s => s.Nesting.Any(c => c.Kind == ContainerKind.StaticClass), true),
        ["a layout in a struct"] = (s => s.Nesting.Any(c => c.Kind == ContainerKind.Struct), true),
        ["a layout in a record"] = (s => s.Nesting.Any(c => c.Kind == ContainerKind.Record), true),
        ["a layout in an interface"] = (s => s.Nesting.Any(c => c.Kind == ContainerKind.Interface), true),
        ["a layout three types deep"] = (s => s.Nesting.Length >= 3, true),
        ["a layout in an unsafe type"] = (s => s.Nesting.Any(c => c.IsUnsafe), true),
        ["a layout in a type that is not partial"] = (s => s.Nesting.Any(c => !c.IsPartial), false),
        ["a layout in a generic type"] = (s => s.Nesting.Any(c => c.IsGeneric), false),
        ["a layout in a file-local type"] = (s => s.FileLocalContainer && !s.Nesting.IsEmpty, false),
        ["a case twin"] = (s => s.CaseTwin, true),
        ["the hook implemented"] = (s => s.Declaration.Hook == HookShape.Implementation, true),
        ["the hook implemented with a keyword parameter"] = (s => s.Declaration.Hook == HookShape.ImplementationRenamed, true),
        ["a hook with another parameter"] = (s => s.Declaration.Hook == HookShape.ImplementationOtherParameter, false),
        ["an instance hook"] = (s => s.Declaration.Hook == HookShape.ImplementationInstance, false),
        ["a public hook"] = (s => s.Declaration.Hook == HookShape.ImplementationPublic, false),
        ["a hook taking 'in'"] = (s => s.Declaration.Hook == HookShape.ImplementationIn, false),
        ["a hook returning int"] = (s => s.Declaration.Hook == HookShape.ImplementationReturningInt, false),
        ["an ordinary method named like the hook"] = (s => s.Declaration.Hook == HookShape.NotPartial, true),
        ["the hook's definition written by the user"] = (s => s.Declaration.Hook == HookShape.Definition, true),
        ["both parts of the hook written by the user"] = (s => s.Declaration.Hook == HookShape.DefinitionAndImplementation, true),
        ["a claim with a setter"] = (s => s.Claims.Any(c => c.Shape == PropertyShape.Setter), false),
        ["a claim with init"] = (s => s.Claims.Any(c => c.Shape == PropertyShape.Init), false),
        ["a static claim"] = (s => s.Claims.Any(c => c.Shape == PropertyShape.Static), false),
        ["a claim that is not partial"] = (s => s.Claims.Any(c => c.Shape == PropertyShape.NotPartial), false),
        ["a claim implemented by the user"] = (s => s.Claims.Any(c => c.Shape == PropertyShape.ImplementedByUser), false),
        ["an internal claim"] = (s => s.Claims.Any(c => c.Accessibility == "internal"), true),
        ["a private claim"] = (s => s.Claims.Any(c => c.Accessibility == "private"), true),
        ["an unsafe claim"] = (s => s.Claims.Any(c => c.Modifiers.HasFlag(ClaimModifiers.Unsafe)), true),
        ["a 'new' claim"] = (s => s.Claims.Any(c => c.Modifiers.HasFlag(ClaimModifiers.New)), true),
        ["a readonly claim"] = (s => s.Claims.Any(c => c.Modifiers.HasFlag(ClaimModifiers.Readonly)), true),
        ["a claim named GetType"] = (s => s.Claims.Any(c => c.Name == "GetType"), true),
        ["an obsolete claim"] = (s => s.Claims.Any(c => c.Decorations.HasFlag(ClaimDecorations.Obsolete)), true),
        ["a claim obsolete as an error"] = (s => s.Claims.Any(c => c.Decorations.HasFlag(ClaimDecorations.ObsoleteError)), true),
        ["a claim with a doc comment"] = (s => s.Claims.Any(c => c.Decorations.HasFlag(ClaimDecorations.DocComment)), true),
        ["a claim with other attributes"] = (s => s.Claims.Any(c => c.Decorations.HasFlag(ClaimDecorations.OtherAttributes)), true),
        ["two claims whose names differ only in case"] = (s => s.Claims.GroupBy(c => c.PlainName, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1), true),
        ["a claim type that does not resolve"] = (s => s.Claims.Any(c => c.Type.Kind == FieldTypeKind.Unresolved), false),
        ["a pointer-typed claim"] = (s => s.Claims.Any(c => c.Type.IsPointer), false),
        ["negative and composite switches members"] = (s => !s.Switches.ExpressionMembers.IsEmpty, true),
        ["int.MinValue in the switches"] = (s => s.Switches.ExpressionMembers.Any(m => m.Code == "int.MinValue"), true),
        ["a member with a bit that is no switch"] = (s => s.Switches.ExpressionMembers.Any(m => !m.IsSingleBit), false),
        ["an internal switches enum"] = (s => s.Switches.IsInternal && s.SwitchesReference == SwitchesReference.Declared, true),
        ["a When chain of 100 terms or more"] = (s => s.Claims.Any(c => Terms(c.When) >= 100), true),
        ["a WarnWhen chain of 100 terms or more"] = (s => Terms(s.WarnWhen) >= 100, true),
        ["a When nested 100 parentheses deep"] = (s => s.Claims.Any(c => c.When?.StartsWith(new string('(', 100), StringComparison.Ordinal) == true), false),
    };

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void TheRandomLayoutsHaveTheShape(string shape)
    {
        var (has, alsoValid) = Shapes[shape];
        var withShape = Sample.Value.Where(layout => has(layout.Spec)).ToList();
        Assert.True(withShape.Count > 0, $"none of {SampleSize} random layouts is {shape}");
        if (!alsoValid || withShape.Any(layout => layout.Valid))
        {
            return;
        }

        // The sample is random (CsCheck seeds it per run): before failing, look further for a valid layout of the shape.
        var generator = new LayoutGenerators(GenerationOptions.Today).Layouts.Array[SampleSize];
        var found = Enumerable.Range(0, ExtraSamples).Any(_ => generator.Single().Any(spec => has(spec) && IsValid(spec)));
        Assert.True(found, $"none of the {withShape.Count} random layouts that are {shape}, nor of {ExtraSamples} more samples of {SampleSize}, is valid");
    }

    private static int Terms(string? condition) =>
        condition is null ? 0 : condition.Split("&&").Length + condition.Split("||").Length - 1;
}
