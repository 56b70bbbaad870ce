using System.Collections.Generic;
using System.Text;

namespace PteGen.Generators.Validation;

/// <summary>Writes sets of bits the way people read them: "bit 62", "bits 59-62", "bits 9-11 and 52".</summary>
internal static class BitRanges
{
    public static string Describe(ulong bits, bool capitalized = false)
    {
        var runs = new List<(int Low, int High)>();
        for (var bit = 0; bit < 64; bit++)
        {
            if ((bits & (1UL << bit)) == 0)
            {
                continue;
            }

            var low = bit;
            while (bit + 1 < 64 && (bits & (1UL << (bit + 1))) != 0)
            {
                bit++;
            }

            runs.Add((low, bit));
        }

        var single = runs.Count == 1 && runs[0].Low == runs[0].High;
        var text = new StringBuilder(capitalized ? (single ? "Bit " : "Bits ") : (single ? "bit " : "bits "));
        for (var index = 0; index < runs.Count; index++)
        {
            if (index > 0)
            {
                text.Append(index == runs.Count - 1 ? " and " : ", ");
            }

            var (low, high) = runs[index];
            text.Append(low == high ? $"{low}" : $"{low}-{high}");
        }

        return text.ToString();
    }

    public static bool IsSingleBit(ulong bits) => bits != 0 && (bits & (bits - 1)) == 0;
}
