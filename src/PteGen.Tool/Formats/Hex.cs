using System.Globalization;

namespace PteGen.Tool.Formats;

/// <summary>How the exports write 64-bit values: <c>0x</c> and 16 upper-case hex digits, as the generated constants do.</summary>
internal static class Hex
{
    public static string Mask(ulong value) => "0x" + value.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>A configuration value, short: <c>0x0</c>, <c>0x3</c>.</summary>
    public static string Short(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>A bit range as the tool prints it: <c>62</c>, <c>59-62</c>.</summary>
    public static string Bits(int low, int high) =>
        low == high ? low.ToString(CultureInfo.InvariantCulture) : low.ToString(CultureInfo.InvariantCulture) + "-" + high.ToString(CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
