using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    private static void WriteEquality(SourceWriter writer, LayoutModel layout)
    {
        var name = layout.Name;
        var raw = GeneratedNames.RawField;
        var (other, obj, left, right) = (GeneratedNames.Parameters.Other, GeneratedNames.Parameters.Object, GeneratedNames.Parameters.Left, GeneratedNames.Parameters.Right);
        writer.Line();
        writer.Line("// Equality: two entries are equal when their raw values are.");
        writer.Line();
        writer.Line("/// <summary>Whether the two entries have the same raw value.</summary>");
        writer.Line($"/// <param name=\"{other}\">The entry to compare with.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public bool {GeneratedNames.EqualsMethod}({name} {other}) => {raw} == {other}.{raw};");
        writer.Line();
        writer.Line($"/// <summary>Whether <paramref name=\"{obj}\"/> is an entry of this layout with the same raw value.</summary>");
        writer.Line($"/// <param name=\"{obj}\">The object to compare with.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public override bool {GeneratedNames.EqualsMethod}(object? {obj}) => {obj} is {name} other && {raw} == other.{raw};");
        writer.Line();
        writer.Line("/// <summary>The hash code of the raw value.</summary>");
        writer.Line(GeneratedCode);
        writer.Line($"public override int {GeneratedNames.GetHashCodeMethod}() => {raw}.GetHashCode();");
        writer.Line();
        writer.Line("/// <summary>Whether the two entries have the same raw value.</summary>");
        writer.Line($"/// <param name=\"{left}\">The first entry.</param>");
        writer.Line($"/// <param name=\"{right}\">The second entry.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public static bool operator ==({name} {left}, {name} {right}) => {left}.{raw} == {right}.{raw};");
        writer.Line();
        writer.Line("/// <summary>Whether the two entries have different raw values.</summary>");
        writer.Line($"/// <param name=\"{left}\">The first entry.</param>");
        writer.Line($"/// <param name=\"{right}\">The second entry.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public static bool operator !=({name} {left}, {name} {right}) => {left}.{raw} != {right}.{raw};");
    }

    /// <summary>
    /// <c>ToString()</c> shows the raw hex and every field that is not zero; with switches, <c>ToString(config)</c> shows
    /// only the fields that exist in that configuration (bits 59-62 are a protection key or software bits, not both).
    /// </summary>
    private static void WriteFormatting(SourceWriter writer, LayoutModel layout)
    {
        var switches = layout.Switches;
        writer.Line();
        writer.Line("// Formatting.");
        writer.Line();
        writer.Line($"/// <summary>Formats the entry as its name, its raw value in hex and, in braces, its non-zero fields (<c>Frame = 0x12345</c>).</summary>");
        if (switches.HasSwitches)
        {
            writer.Line("/// <remarks>Fields of every configuration are shown; <see cref=\"ToString(" + switches.TypeName + ")\"/> shows one configuration's.</remarks>");
        }

        writer.Line(GeneratedCode);
        writer.Line($"public override string {GeneratedNames.ToStringMethod}() => {GeneratedNames.Format}({(switches.HasSwitches ? "null" : "")});");

        if (switches.HasSwitches)
        {
            var configuration = GeneratedNames.Parameters.Configuration;
            writer.Line();
            writer.Line($"/// <summary>Formats the entry as its raw value and the non-zero fields that exist in <paramref name=\"{configuration}\"/>.</summary>");
            writer.Line($"/// <param name=\"{configuration}\">A valid configuration (the switches that are on).</param>");
            writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"{configuration}\"/> is not valid (see <see cref=\"{GeneratedNames.IsValid}\"/>).</exception>");
            writer.Line(GeneratedCode);
            writer.Line($"public string {GeneratedNames.ToStringMethod}({switches.TypeName} {configuration})");
            using (writer.Block())
            {
                WriteConfigurationGuard(writer, configuration);
                writer.Line($"return {GeneratedNames.Format}({configuration});");
            }
        }

        writer.Line();
        writer.Line(GeneratedCode);
        writer.Line(switches.HasSwitches
            ? $"private string {GeneratedNames.Format}({switches.TypeName}? configuration)"
            : $"private string {GeneratedNames.Format}()");
        using (writer.Block())
        {
            var raw = GeneratedNames.RawField;
            writer.Line("var invariant = global::System.Globalization.CultureInfo.InvariantCulture;");
            writer.Line($"var text = new global::System.Text.StringBuilder({Literals.String(Identifiers.Unescape(layout.Name) + " 0x")}, 128);");
            writer.Line($"text.Append({raw}.ToString(\"x16\", invariant));");
            writer.Line("var separator = \" { \";");

            // One line per field where it fits, like a table: the test, then what it adds.
            writer.Line();
            foreach (var field in layout.Fields)
            {
                var test = $"({raw} & {GeneratedNames.Mask(field.Name)}) != 0";
                if (field.When is { } condition)
                {
                    var holds = ConditionExpression(condition, switches.TypeName, "configuration.Value");
                    test = $"{test} && (configuration is null || {(condition is SwitchCondition or NotCondition ? holds : $"({holds})")})";
                }

                var name = Identifiers.Unescape(field.Name);
                var item = field.Kind switch
                {
                    FieldKind.Bool => Literals.String(name),
                    FieldKind.Enum => $"{Literals.String(name + " = ")} + {FormattedValue(field)}.ToString()",
                    _ => $"{Literals.String(name + " = 0x")} + ((ulong){FormattedValue(field)}).ToString(\"x\", invariant)",
                };
                var oneLine = $"if ({test}) Add({item});";
                if (writer.Fits(oneLine))
                {
                    writer.Line(oneLine);
                    continue;
                }

                writer.Line($"if ({test})");
                using (writer.Block())
                {
                    writer.Line($"Add({item});");
                }
            }

            writer.Line();
            writer.Line("return text.Append(separator == \", \" ? \" }\" : \" { }\").ToString();");
            writer.Line();
            writer.Line("void Add(string item)");
            using (writer.Block())
            {
                writer.Line("text.Append(separator).Append(item);");
                writer.Line("separator = \", \";");
            }
        }
    }

    /// <summary>The field's value in <c>ToString</c>: its property, unless using it is an error (<c>[Obsolete(..., true)]</c>).</summary>
    private static string FormattedValue(FieldModel field) => field.IsObsoleteError ? $"({ReadExpression(field)})" : $"this.{field.Name}";
}
