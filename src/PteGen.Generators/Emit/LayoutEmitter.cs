using System;
using System.Linq;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Emit;

/// <summary>
/// Writes the generated part of a layout. One partial class per concern: this file has the frame (header, namespace,
/// containing types, storage); the others write the fields, ownership masks, equality and formatting, and the
/// descriptor. Output depends on the model only, so it is deterministic.
/// </summary>
internal static partial class LayoutEmitter
{
    // The attributes through the file's aliases (see WriteAliases), so that each fits on a short line.
    internal const string GeneratedCode = "[" + Alias.GeneratedCode + "(\"PteGen\", \"" + ThisAssembly.Version + "\")]";
    internal const string Inline = "[" + Alias.MethodImpl + "(" + Alias.MethodImplOptions + ".AggressiveInlining)]";
    internal const string GeneratedAndInline =
        "[" + Alias.GeneratedCode + "(\"PteGen\", \"" + ThisAssembly.Version + "\"), " + Alias.MethodImpl + "(" + Alias.MethodImplOptions + ".AggressiveInlining)]";
    internal const string GeneratedAndNoInline =
        "[" + Alias.GeneratedCode + "(\"PteGen\", \"" + ThisAssembly.Version + "\"), " + Alias.MethodImpl + "(" + Alias.MethodImplOptions + ".NoInlining)]";

    public static string Emit(LayoutToGenerate input) =>
        input.Kind == EmitKind.Full ? EmitFull(input.Layout, input.Plan, BuildConfiguration(input)) : EmitStubs(input.Layout);

    /// <summary>
    /// The configuration the constant-mask fixups are generated for: the switches <c>PteGenConfiguration</c> names that
    /// this layout knows (no switch when it is empty), or <see langword="null"/> when they make an invalid configuration
    /// (the analyzer reports it; only the run-time overloads are generated then).
    /// </summary>
    private static ulong? BuildConfiguration(LayoutToGenerate input)
    {
        var switches = input.Layout.Switches;
        var configuration = switches.ParseNames(input.BuildConfiguration, new System.Collections.Generic.List<string>());
        return switches.IsValid(configuration) ? configuration : null;
    }

    /// <param name="layout">The layout.</param>
    /// <param name="fixup">The fixup the parser planned: every overload and the negotiated one are written from it.</param>
    /// <param name="buildConfiguration">The configuration of the constant-mask overloads.</param>
    private static string EmitFull(LayoutModel layout, FixupPlan? fixup, ulong? buildConfiguration)
    {
        var writer = new SourceWriter();
        WriteHeader(writer, layout, "The storage, accessors, ownership masks and descriptor of the layout");
        WriteBitMap(writer, layout);
        WriteAliases(writer, layout, fixup);
        WriteTypeFrame(writer, layout, $" : global::System.IEquatable<{layout.Name}>", () =>
        {
            WriteStorage(writer, layout);
            foreach (var field in layout.Fields)
            {
                WriteField(writer, layout, field);
            }

            WriteOwnership(writer, layout);
            WriteFixups(writer, layout, fixup, buildConfiguration);
            WriteNegotiation(writer, layout, fixup, buildConfiguration);
            WriteEquality(writer, layout);
            WriteFormatting(writer, layout);
            WriteDescriptor(writer, layout);
            WriteThrowHelpers(writer, layout, fixup);
        });
        return writer.ToString();
    }

    /// <summary>
    /// For a layout with errors: bodies for its partial properties only, so that the user sees the PTE0xx diagnostics
    /// and no compiler errors about missing implementations.
    /// </summary>
    private static string EmitStubs(LayoutModel layout)
    {
        var writer = new SourceWriter();
        WriteHeader(writer, layout, "Placeholder bodies: the layout has errors (see its PTE0xx diagnostics), so nothing else is generated");
        WriteTypeFrame(writer, layout, "", () =>
        {
            var first = true;
            foreach (var field in layout.Fields)
            {
                if (!field.CanStub)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Line($"{PropertyModifiers(field)} {field.TypeName} {field.Name}");
                using (writer.Block())
                {
                    var message = Literals.String($"The PteGen layout '{layout.DisplayName}' has errors (see its PTE0xx diagnostics), so '{field.Name}' was not generated.");
                    writer.Line("get => throw new global::System.InvalidOperationException(");
                    writer.Line($"    {message});");
                    if (field.Accessors != AccessorShape.Get)
                    {
                        // The accessors the user declared (PTE004 says why they are wrong), so the declaration compiles.
                        writer.Line($"{(field.Accessors == AccessorShape.GetInit ? "init" : "set")} => throw new global::System.InvalidOperationException(");
                        writer.Line($"    {message});");
                    }
                }
            }

            if (layout.HookDefinition.Length > 0)
            {
                // The user implements the hook; without its definition the implementation would not compile (CS0759).
                if (!first)
                {
                    writer.Line();
                }

                foreach (var definition in layout.HookDefinition.Split('\n'))
                {
                    writer.Line("/// <summary>The definition of a hook this layout's own code implements.</summary>");
                    writer.Line(definition);
                }
            }
        });
        return writer.ToString();
    }

    private static void WriteHeader(SourceWriter writer, LayoutModel layout, string what)
    {
        writer.Line("// <auto-generated/>");
        writer.Line($"// Generated by PteGen from the [PteLayout] type {(layout.Namespace.Length == 0 ? "" : layout.Namespace + ".")}{layout.DisplayName}.");
        writer.Line($"// {what}.");
        writer.Line("#nullable enable");
        // A claim, or the type of one, may be [Obsolete]: the code that implements and describes it uses it on purpose.
        writer.Line("#pragma warning disable CS0612, CS0618");
        writer.Line();
    }

    /// <summary>Writes the namespace, the containing types and the layout's partial declaration around the body.</summary>
    private static void WriteTypeFrame(SourceWriter writer, LayoutModel layout, string baseList, Action body)
    {
        var scopes = new System.Collections.Generic.List<SourceWriter.Scope>();
        if (layout.Namespace.Length > 0)
        {
            writer.Line($"namespace {layout.Namespace}");
            scopes.Add(writer.Block());
        }

        foreach (var containing in layout.ContainingTypes)
        {
            writer.Line($"{(containing.IsUnsafe ? "unsafe " : "")}partial {containing.Keyword} {containing.Name}{containing.TypeParameters}");
            scopes.Add(writer.Block());
        }

        writer.Line($"{(layout.IsUnsafe ? "unsafe " : "")}partial {layout.TypeKeyword} {layout.Name}{layout.TypeParameters}{baseList}");
        scopes.Add(writer.Block());
        body();
        for (var index = scopes.Count - 1; index >= 0; index--)
        {
            scopes[index].Dispose();
        }
    }

    private static void WriteStorage(SourceWriter writer, LayoutModel layout)
    {
        writer.Line("/// <summary>The entry: one 64-bit value, exactly as the hardware and the hypervisor see it.</summary>");
        writer.Line($"private readonly ulong {GeneratedNames.RawField};");
        writer.Line();
        writer.Line("/// <summary>Creates an entry from its raw 64-bit value.</summary>");
        writer.Line($"/// <param name=\"{GeneratedNames.Parameters.Raw}\">The entry as the hardware and the hypervisor see it.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public {layout.Name}(ulong {GeneratedNames.Parameters.Raw}) => {GeneratedNames.RawField} = {GeneratedNames.Parameters.Raw};");
        writer.Line();
        writer.Line("/// <summary>The raw 64-bit value of the entry.</summary>");
        writer.Line(GeneratedCode);
        WriteGetter(writer, $"public ulong {GeneratedNames.Raw}", GeneratedNames.RawField);
    }

    /// <summary>The implementing part's modifiers: the same as the user's defining part, where C# requires it.</summary>
    private static string PropertyModifiers(FieldModel field) =>
        string.Join(" ", new[]
        {
            field.Accessibility,
            field.IsStatic ? "static" : "",
            field.Modifiers,
            field.IsReadOnlyMember ? "readonly" : "",
            "partial",
        }.Where(modifier => modifier.Length > 0));

    /// <summary>
    /// The configuration guard of every member that takes a configuration: one shape, so a reader learns it once. The
    /// exception is built out of line and thrown here, so the JIT knows the branch never returns and keeps it cold.
    /// </summary>
    private static void WriteConfigurationGuard(SourceWriter writer, string configuration) =>
        WriteGuard(writer, $"!{GeneratedNames.IsValid}({configuration})", $"{GeneratedNames.ThrowInvalidConfiguration}({configuration})");

    /// <summary>Every argument check: <c>if (failed) { throw helper(...); }</c>, then a blank line.</summary>
    private static void WriteGuard(SourceWriter writer, string failed, string exception)
    {
        writer.Line($"if ({failed})");
        using (writer.Block())
        {
            writer.Line($"throw {exception};");
        }

        writer.Line();
    }

    /// <summary>The exceptions the generated members throw, each built by one helper of the same shape.</summary>
    private static void WriteThrowHelpers(SourceWriter writer, LayoutModel layout, FixupPlan? fixup)
    {
        writer.Line();
        writer.Line("// The exceptions, each built out of line by a helper its callers throw: the JIT then knows that the call never");
        writer.Line("// returns, keeps it off the hot path, and the fast path is what hand-written code would be.");
        WriteExceptionHelper(
            writer,
            "The exception for a value that does not fit its field (each range-checked With method passes only the value, through a local function, so its call site is small).",
            "global::System.ArgumentOutOfRangeException",
            $"{GeneratedNames.ThrowOutOfRange}(string field, int width, ulong maximum, ulong value)",
            $"new global::System.ArgumentOutOfRangeException(\"{GeneratedNames.Parameters.Value}\", value, $\"{{field}} is {{width}} bits wide: {{value}} (0x{{value:x}}) is above its largest value, {{maximum}} (0x{{maximum:x}}).\")");

        if (layout.Switches.HasSwitches)
        {
            var message = Literals.String($"Not a valid configuration of {layout.DisplayName}: it has a switch the layout does not know, or two switches that are mutually exclusive.");
            WriteExceptionHelper(
                writer,
                $"The exception for a configuration that <see cref=\"{GeneratedNames.IsValid}\"/> rejects.",
                "global::System.ArgumentOutOfRangeException",
                $"{GeneratedNames.ThrowInvalidConfiguration}({layout.Switches.TypeName} configuration)",
                $"new global::System.ArgumentOutOfRangeException(nameof(configuration), configuration, {message})");
        }

        if (fixup is not null && layout.HasSpan)
        {
            WriteExceptionHelper(
                writer,
                "The exception for a destination table shorter than its source.",
                "global::System.ArgumentException",
                $"{GeneratedNames.ThrowDestinationTooShort}()",
                $"new global::System.ArgumentException(\"The destination is shorter than the entries to adjust.\", \"{GeneratedNames.Parameters.Adjusted}\")");
        }

        if (RelocatableClaims(layout).Count > 0 && fixup is not null)
        {
            WriteExceptionHelper(
                writer,
                "The exception for adjusting entries with a negotiation that did not succeed.",
                "global::System.ArgumentException",
                $"{GeneratedNames.ThrowFailedNegotiation}(string? failure)",
                "new global::System.ArgumentException(\"The domain's negotiation did not succeed, so its entries cannot be adjusted: \" + " +
                $"(failure ?? \"it was never negotiated (default value)\"), \"{GeneratedNames.Parameters.Domain}\")");
        }
    }

    private static void WriteExceptionHelper(SourceWriter writer, string summary, string type, string signature, string creation)
    {
        writer.Line();
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line(GeneratedAndNoInline);
        writer.Line($"private static {type} {signature} =>");
        writer.Line($"    {creation};");
    }
}
