using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Usage.Flow;

/// <summary>The width and signedness of an integral type (an enum's underlying type), the shape values are kept in.</summary>
internal readonly struct IntegerType
{
    private IntegerType(int width, bool signed)
    {
        Width = width;
        Signed = signed;
    }

    public static IntegerType UInt32 { get; } = new(32, false);

    public static IntegerType UInt64 { get; } = new(64, false);

    public int Width { get; }

    public bool Signed { get; }

    public ulong Mask => Width >= 64 ? ulong.MaxValue : (1UL << Width) - 1;

    public static IntegerType? Of(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        return type?.SpecialType switch
        {
            SpecialType.System_Byte => new IntegerType(8, false),
            SpecialType.System_SByte => new IntegerType(8, true),
            SpecialType.System_UInt16 or SpecialType.System_Char => new IntegerType(16, false),
            SpecialType.System_Int16 => new IntegerType(16, true),
            SpecialType.System_UInt32 => new IntegerType(32, false),
            SpecialType.System_Int32 => new IntegerType(32, true),
            SpecialType.System_UInt64 or SpecialType.System_UIntPtr => new IntegerType(64, false),
            SpecialType.System_Int64 or SpecialType.System_IntPtr => new IntegerType(64, true),
            _ => null,
        };
    }

    /// <summary>A constant's bits as this analysis holds them: the 64-bit extension of the value.</summary>
    public static bool TryGetBits(object? constant, out ulong bits)
    {
        switch (constant)
        {
            case ulong v: bits = v; return true;
            case long v: bits = unchecked((ulong)v); return true;
            case uint v: bits = v; return true;
            case int v: bits = unchecked((ulong)v); return true;
            case ushort v: bits = v; return true;
            case short v: bits = unchecked((ulong)v); return true;
            case byte v: bits = v; return true;
            case sbyte v: bits = unchecked((ulong)v); return true;
            case char v: bits = v; return true;
            default: bits = 0; return false;
        }
    }
}
