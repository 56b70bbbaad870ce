using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    /// <summary>
    /// The file's <c>using</c> aliases of the framework types the generated code names most, so that an attribute or
    /// a vector step fits on one line. Each starts with <c>__</c>, as PteGen's own members do, so no name of the user's
    /// (a type of the layout's namespace, a claim) can hide or clash with one.
    /// </summary>
    internal static class Alias
    {
        public const string GeneratedCode = "__GeneratedCode";
        public const string MethodImpl = "__MethodImpl";
        public const string MethodImplOptions = "__MethodImplOptions";
        public const string MemoryMarshal = "__MemoryMarshal";

        public static string Vector(int width) => "__Vector" + Literals.Int(width);
    }

    private static void WriteAliases(SourceWriter writer, LayoutModel layout, FixupPlan? fixup)
    {
        writer.Line($"using {Alias.GeneratedCode} = global::System.CodeDom.Compiler.GeneratedCodeAttribute;");
        writer.Line($"using {Alias.MethodImpl} = global::System.Runtime.CompilerServices.MethodImplAttribute;");
        writer.Line($"using {Alias.MethodImplOptions} = global::System.Runtime.CompilerServices.MethodImplOptions;");
        if (fixup is not null && layout.HasSpan && layout.VectorWidths.Count > 0)
        {
            writer.Line($"using {Alias.MemoryMarshal} = global::System.Runtime.InteropServices.MemoryMarshal;");
            foreach (var width in layout.VectorWidths)
            {
                writer.Line($"using {Alias.Vector(width)} = global::System.Runtime.Intrinsics.Vector{Literals.Int(width)};");
            }
        }

        writer.Line();
    }
}
