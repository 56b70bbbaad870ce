using System.Linq;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    /// <summary>
    /// The whole-table fixup behind every <c>Span</c> overload, from a source table into a destination (the same one for
    /// the in-place form). Where the target has <c>Vector512</c>/<c>Vector256</c>/<c>Vector128</c>, it adjusts 8, 4 or 2
    /// entries at a time with the core's branch-free steps (for L1, the very shifts of the scalar core, lane by lane: a
    /// dozen simple instructions per vector, no compare or mask register); the tail goes through the scalar core. When the debug
    /// warning is on, the scalar core does all of it, so warnings are reported entry by entry, in order.
    /// </summary>
    private static void WriteFixupBatch(SourceWriter writer, LayoutModel layout, FixupPlan plan)
    {
        var level = plan.Level;
        var parameters = new[] { $"global::System.ReadOnlySpan<{layout.Name}> source", $"global::System.Span<{layout.Name}> destination", $"{DomainKind} kind" }
            .Concat(CoreParameterDeclarations(plan));
        var scalarArguments = string.Join(", ", new[] { "source[index]", "kind" }.Concat(CoreParameterNames(plan)));
        writer.Line();
        writer.Line($"/// <summary>The steps of <c>adjust_guest_l{level}e</c> over a whole table (callers check that <paramref name=\"destination\"/> is long enough).</summary>");
        writer.Line(GeneratedCode);
        writer.Line($"private static void {plan.Batch}({string.Join(", ", parameters)})");
        using (writer.Block())
        {
            writer.Line("var index = 0;");
            var vectors = layout.VectorWidths;
            if (vectors.Count > 0)
            {
                writer.Line(plan.Warns ? "if (!warn)" : "// Vectors first, then the scalar core for what is left.");
                using (plan.Warns ? writer.Block() : default(SourceWriter.Scope?))
                {
                    var memory = Alias.MemoryMarshal;
                    writer.Line($"ref var from = ref {memory}.GetReference({memory}.Cast<{layout.Name}, ulong>(source));");
                    writer.Line($"ref var to = ref {memory}.GetReference({memory}.Cast<{layout.Name}, ulong>(destination));");
                    foreach (var width in vectors)
                    {
                        WriteVectorLoop(writer, plan, width);
                    }
                }
            }

            writer.Line();
            writer.Line("for (; index < source.Length; index++)");
            using (writer.Block())
            {
                writer.Line($"destination[index] = {plan.Core}({scalarArguments});");
            }
        }
    }

    private static void WriteVectorLoop(SourceWriter writer, FixupPlan plan, int width)
    {
        var vector = Alias.Vector(width);

        // The number of 64-bit entries in a vector: a constant, as Vector{width}<ulong>.Count is to the JIT.
        var count = Literals.Int(width / 64);
        string Mask(PteRole role) => MaskOf(plan, role);
        string Splat(string value) => $"{vector}.Create({value})";
        string Right(string value, PteRole role) =>
            !plan[role].IsParameter && plan.FixedHolder(role)!.Low == 0 ? value : $"{vector}.ShiftRightLogical({value}, {BitOf(plan, role)})";
        string Left(string value, PteRole role) => $"{vector}.ShiftLeft({value}, {BitOf(plan, role)})";

        writer.Line();
        writer.Line($"if ({vector}.IsHardwareAccelerated && source.Length - index >= {count})");
        using (writer.Block())
        {
            if (plan.Level == 1)
            {
                writer.Line($"var notPv32 = {Splat($"{GeneratedNames.NotPv32}(kind)")};");
            }
            else
            {
                // The upper levels add a constant per domain kind to every present entry.
                var added = plan.Level switch
                {
                    2 => $"kind != {DomainKind}.Pv32 ? {Mask(PteRole.User)} : 0UL",
                    3 => $"kind == {DomainKind}.Pv32 ? {Mask(PteRole.User)} | {Mask(PteRole.Writable)} : {Mask(PteRole.User)}",
                    _ => $"kind == {DomainKind}.Pv32 ? {Mask(PteRole.Accessed)} : {Mask(PteRole.Accessed)} | {Mask(PteRole.User)}",
                };
                writer.Line($"var zero = {vector}.Create(0UL);");
                writer.Line($"var present = {Splat(Mask(PteRole.Present))};");
                writer.Line($"var added = {Splat(added)};");
            }

            writer.Line($"for (; index <= source.Length - {count}; index += {count})");
            using (writer.Block())
            {
                writer.Line($"var entry = {vector}.LoadUnsafe(ref from, (nuint)index);");
                if (plan.Level == 1)
                {
                    writer.Line($"var adjusts = {Right("entry", PteRole.Present)} & notPv32;");
                    writer.Line($"var kernel = {Left($"adjusts & ~{Right("entry", PteRole.User)}", PteRole.GuestKernel)};");
                    writer.Line($"entry |= kernel | {Left("adjusts", PteRole.User)};");
                    writer.Line($"entry |= {Left($"adjusts & ~{Right("entry", PteRole.GuestKernel)}", PteRole.Global)};");
                }
                else
                {
                    writer.Line($"entry |= ~{vector}.Equals(entry & present, zero) & added;");
                }

                writer.Line($"{vector}.StoreUnsafe(entry, ref to, (nuint)index);");
            }
        }
    }
}
