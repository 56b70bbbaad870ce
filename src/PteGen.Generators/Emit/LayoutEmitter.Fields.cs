using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    /// <summary>Writes a field's constants, the body of its partial property and its <c>With</c> method.</summary>
    private static void WriteField(SourceWriter writer, LayoutModel layout, FieldModel field)
    {
        var name = field.Name;
        var plain = Identifiers.Unescape(name);
        var bits = field.Low == field.High ? $"bit {field.Low}" : $"bits {field.Low}-{field.High}";
        var mask = GeneratedNames.Mask(name);
        var shift = GeneratedNames.Shift(name);
        var raw = GeneratedNames.RawField;
        var value = GeneratedNames.Parameters.Value;

        writer.Line();
        // The condition as the bit map shows it (canonical, cut short): however it was written, the same file.
        var when = field.WhenText.Length == 0 ? "" : $", when {BitMapCondition(field.When?.ToString() ?? field.WhenText)}";
        var role = field.Role == PteRole.None ? "" : $", role {field.Role}";
        writer.Line($"// {plain}: {Parsing.KnownNames.AttributeName(field.Owner)} {bits}{when}{role}.");
        writer.Line($"/// <summary>The mask of <see cref=\"{name}\"/>: {bits}, in place.</summary>");
        writer.Line($"public const ulong {mask} = {Literals.Mask(field.Mask)};");
        writer.Line($"/// <summary>The position of the lowest bit of <see cref=\"{name}\"/>.</summary>");
        writer.Line($"public const int {shift} = {Literals.Int(field.Low)};");
        writer.Line($"/// <summary>The number of bits of <see cref=\"{name}\"/>.</summary>");
        writer.Line($"public const int {GeneratedNames.Width(name)} = {Literals.Int(field.Width)};");
        writer.Line();
        WriteGetter(writer, $"{PropertyModifiers(field)} {field.TypeName} {name}", ReadExpression(field));
        writer.Line();

        var check = NeedsRangeCheck(field);
        writer.Line($"/// <summary>A copy of this entry with <see cref=\"{name}\"/> ({bits}) set to <paramref name=\"{value}\"/>.</summary>");
        writer.Line($"/// <param name=\"{value}\">The new value of the field.</param>");
        if (check)
        {
            writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"{value}\"/> is above {Literals.Hex(field.MaxValue).Replace("UL", "")}.</exception>");
        }

        writer.Line(GeneratedAndInline);
        var with = $"public {layout.Name} {GeneratedNames.With(name)}({field.TypeName} {value})";
        if (field.Kind == FieldKind.Bool)
        {
            writer.Line($"{with} => new {layout.Name}({value} ? {raw} | {mask} : {raw} & ~{mask});");
            return;
        }

        // A signed enum value widens with its sign (unchecked: a negative one then fails the range check, as it should,
        // rather than throwing OverflowException in a project built with overflow checks).
        var widened = field.Kind == FieldKind.Enum
            ? field.StorageIsSigned ? $"unchecked((ulong)({field.StorageType}){value})" : $"(ulong)({field.StorageType}){value}"
            : field.StorageType == "ulong" ? value : $"(ulong){value}";
        string Result(string bits) => field.Width == 64
            ? $"new {layout.Name}({bits})"
            : $"new {layout.Name}(({raw} & ~{mask}) | ({bits} << {shift}))";
        if (!check)
        {
            writer.Line($"{with} => {Result(widened)};");
            return;
        }

        writer.Line(with);
        using (writer.Block())
        {
            var checkedValue = value;
            if (field.Kind == FieldKind.Enum)
            {
                writer.Line($"var bits = {widened};");
                checkedValue = widened = "bits";
            }

            writer.Line($"if ({checkedValue} > {Literals.Hex(field.MaxValue)})");
            using (writer.Block())
            {
                writer.Line($"OutOfRange({checkedValue});");
            }

            writer.Line();
            writer.Line($"return {Result(widened)};");

            // The field's name, width and maximum stay in the local function, so the call site passes only the value
            // (x64: no string handle, width and maximum to load), and the JIT sees that it never returns: nothing the
            // caller holds (the address of an array element) has to survive it in a stack slot.
            writer.Line();
            writer.Line($"static void OutOfRange(ulong outOfRange) => throw {GeneratedNames.ThrowOutOfRange}({Literals.String(plain)}, {Literals.Int(field.Width)}, {Literals.Hex(field.MaxValue)}, outOfRange);");
        }
    }

    /// <summary>A getter on one line when it fits (as a reviewer would write it), else as a block.</summary>
    private static void WriteGetter(SourceWriter writer, string declaration, string expression)
    {
        var oneLine = $"{declaration} {{ {Inline} get => {expression}; }}";
        if (writer.Fits(oneLine))
        {
            writer.Line(oneLine);
            return;
        }

        writer.Line(declaration);
        using (writer.Block())
        {
            writer.Line(Inline);
            writer.Line($"get => {expression};");
        }
    }

    /// <summary>A check is needed when the property type can hold values the field cannot.</summary>
    private static bool NeedsRangeCheck(FieldModel field) => field.Kind switch
    {
        FieldKind.Bool => false,
        FieldKind.Unsigned => field.Width < field.StorageBits,
        _ => field.StorageIsSigned || field.Width < field.StorageBits,
    };

    /// <summary>The getter: shift the field down and mask it, skipping whichever step the type makes redundant.</summary>
    private static string ReadExpression(FieldModel field)
    {
        var raw = GeneratedNames.RawField;
        if (field.Kind == FieldKind.Bool)
        {
            return $"({raw} & {GeneratedNames.Mask(field.Name)}) != 0";
        }

        var shifted = field.Low == 0 ? raw : $"({raw} >> {GeneratedNames.Shift(field.Name)})";
        var needsMask = field.High < 63 && !(field.Kind == FieldKind.Unsigned && field.Width == field.StorageBits);
        var value = !needsMask ? shifted
            : field.Low != 0 && field.MaxValue > 0x7FFFFFFFUL
                // The largest value needs a 64-bit immediate: masking in place first lets the JIT load it straight into the
                // result register (x64: mov rax, mask; and rax, raw; shr rax, n) instead of shifting a copy and loading
                // the constant into a second register (mov; shr; mov rcx, max; and rax, rcx), 3 bytes more.
                ? $"(({raw} & {GeneratedNames.Mask(field.Name)}) >> {GeneratedNames.Shift(field.Name)})"
                : $"({shifted} & {Literals.Hex(field.MaxValue)})";
        if (field.Kind == FieldKind.Enum)
        {
            return $"({field.TypeName})({field.StorageType}){value}";
        }

        return field.StorageType == "ulong" ? Trim(value) : $"({field.StorageType}){value}";
    }

    private static string Trim(string expression) =>
        expression.Length > 1 && expression[0] == '(' && expression[expression.Length - 1] == ')' && IsOneGroup(expression)
            ? expression.Substring(1, expression.Length - 2)
            : expression;

    private static bool IsOneGroup(string expression)
    {
        var depth = 0;
        for (var index = 0; index < expression.Length; index++)
        {
            depth += expression[index] == '(' ? 1 : expression[index] == ')' ? -1 : 0;
            if (depth == 0 && index < expression.Length - 1)
            {
                return false;
            }
        }

        return true;
    }
}
