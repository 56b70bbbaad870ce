using System.Collections.Generic;
using System.Text;

namespace PteGen
{
    /// <summary>Small helpers for 64-bit masks, used by generated code and tools.</summary>
    public static class PteBits
    {
        /// <summary>Describes a set of bits as people read them: <c>bit 62</c>, <c>bits 59-62</c>, <c>bits 9-11 and 52</c>, <c>no bits</c>.</summary>
        /// <param name="mask">The bits.</param>
        public static string Describe(ulong mask)
        {
            if (mask == 0)
            {
                return "no bits";
            }

            var runs = new List<string>();
            var single = true;
            for (var bit = 0; bit < 64; bit++)
            {
                if ((mask & (1UL << bit)) == 0)
                {
                    continue;
                }

                var low = bit;
                while (bit < 63 && (mask & (1UL << (bit + 1))) != 0)
                {
                    bit++;
                }

                single &= low == bit && runs.Count == 0;
                runs.Add(low == bit ? low.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{low}-{bit}");
            }

            var text = new StringBuilder(single && runs.Count == 1 ? "bit " : "bits ");
            for (var index = 0; index < runs.Count; index++)
            {
                text.Append(index == 0 ? "" : index == runs.Count - 1 ? " and " : ", ").Append(runs[index]);
            }

            return text.ToString();
        }

        /// <summary>The number of the lowest set bit, or -1 for 0.</summary>
        /// <param name="mask">The bits.</param>
        public static int LowestBit(ulong mask)
        {
            if (mask == 0)
            {
                return -1;
            }

            var bit = 0;
            while ((mask & 1) == 0)
            {
                mask >>= 1;
                bit++;
            }

            return bit;
        }
    }
}
