using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Model;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>
    /// The whole-table fixup behind every <c>Span</c> overload. Where the target has <c>Vector256</c>/<c>Vector128</c>
    /// (.NET 7 and later), it adjusts 4 or 2 entries at a time without a branch: each of Xen's steps becomes "OR in the
    /// bits, in the lanes where the condition holds". The tail, and a vector whose entries would trigger the debug
    /// warning, go through the scalar core, so the results and the order of warnings are the scalar ones.
    /// </summary>
    private static void WriteFixupBatch(SourceWriter writer, LayoutModel layout, FixupShape fixup)
    {
        var level = fixup.Plan.Level;
        var parameters = new[] { $"global::System.Span<{layout.Name}> entries", $"{DomainKind} kind" }.Concat(fixup.ParameterDeclarations);
        writer.Line();
        writer.Line($"/// <summary>The steps of <c>adjust_guest_l{level}e</c> over a whole table: vectorized where the hardware allows, scalar for the rest.</summary>");
        writer.Line(GeneratedCode);
        writer.Line($"private static void {fixup.Batch}({string.Join(", ", parameters)})");
        using (writer.Block())
        {
            if (level is 1 or 2)
            {
                writer.Line($"if (kind == {DomainKind}.Pv32)");
                using (writer.Block())
                {
                    writer.Line("return; // Xen never adjusts these entries of 32-bit PV domains.");
                }

                writer.Line();
            }

            writer.Line("var index = 0;");
            if (layout.HasVector)
            {
                writer.Line($"var raw = {MemoryMarshal}.Cast<{layout.Name}, ulong>(entries);");
                foreach (var width in new[] { 256, 128 })
                {
                    WriteVectorLoop(writer, layout, fixup, width);
                }
            }

            writer.Line();
            writer.Line("for (; index < entries.Length; index++)");
            using (writer.Block())
            {
                writer.Line($"entries[index] = {fixup.Core}({string.Join(", ", new[] { "entries[index]", "kind" }.Concat(fixup.ParameterNames))});");
            }
        }
    }

    private static void WriteVectorLoop(SourceWriter writer, LayoutModel layout, FixupShape fixup, int width)
    {
        var vector = $"global::System.Runtime.Intrinsics.Vector{width}";
        var count = $"{vector}<ulong>.Count";
        string Mask(PteRole role) => fixup.MaskOf(role);
        string Splat(string value) => $"{vector}.Create({value})";

        writer.Line();
        writer.Line($"if ({vector}.IsHardwareAccelerated && raw.Length - index >= {count})");
        using (writer.Block())
        {
            writer.Line($"ref var first = ref {MemoryMarshal}.GetReference(raw);");
            writer.Line($"var zero = {vector}<ulong>.Zero;");
            writer.Line($"var present = {Splat(Mask(PteRole.Present))};");
            switch (fixup.Plan.Level)
            {
                case 1:
                    writer.Line($"var user = {Splat(Mask(PteRole.User))};");
                    writer.Line($"var kernel = {Splat(Mask(PteRole.GuestKernel))};");
                    writer.Line($"var kernelAndUser = {Splat($"{Mask(PteRole.GuestKernel)} | {Mask(PteRole.User)}")};");
                    writer.Line($"var globalAndUser = {Splat($"{Mask(PteRole.Global)} | {Mask(PteRole.User)}")};");
                    if (fixup.Warns)
                    {
                        writer.Line($"var kernelAndGlobal = {Splat($"{Mask(PteRole.GuestKernel)} | {Mask(PteRole.Global)}")};");
                    }

                    break;
                case 2:
                    writer.Line($"var added = {Splat(Mask(PteRole.User))};");
                    break;
                case 3:
                    writer.Line($"var added = {Splat($"kind == {DomainKind}.Pv32 ? {Mask(PteRole.User)} | {Mask(PteRole.Writable)} : {Mask(PteRole.User)}")};");
                    break;
                default:
                    writer.Line($"var added = {Splat($"kind == {DomainKind}.Pv32 ? {Mask(PteRole.Accessed)} : {Mask(PteRole.Accessed)} | {Mask(PteRole.User)}")};");
                    break;
            }

            writer.Line($"for (; index <= raw.Length - {count}; index += {count})");
            using (writer.Block())
            {
                writer.Line($"var entry = {vector}.LoadUnsafe(ref first, (nuint)index);");
                writer.Line($"var isPresent = ~{vector}.Equals(entry & present, zero);");
                if (fixup.Plan.Level == 1)
                {
                    if (fixup.Warns)
                    {
                        writer.Line($"if (warn && (isPresent & {vector}.Equals(entry & kernelAndGlobal, kernelAndGlobal)) != zero)");
                        using (writer.Block())
                        {
                            writer.Line("// An entry here triggers the debug warning: let the scalar core adjust these and report it, in order.");
                            writer.Line($"for (var lane = index; lane < index + {count}; lane++)");
                            using (writer.Block())
                            {
                                writer.Line($"entries[lane] = {fixup.Core}({string.Join(", ", new[] { "entries[lane]", "kind" }.Concat(fixup.ParameterNames))});");
                            }

                            writer.Line();
                            writer.Line("continue;");
                        }

                    }

                    writer.Line($"entry |= isPresent & {vector}.Equals(entry & user, zero) & kernelAndUser;");
                    writer.Line($"entry |= isPresent & {vector}.Equals(entry & kernel, zero) & globalAndUser;");
                }
                else
                {
                    writer.Line("entry |= isPresent & added;");
                }

                writer.Line($"{vector}.StoreUnsafe(entry, ref first, (nuint)index);");
            }
        }
    }
}
