// Compiled into both PteGen.dll (public) and the generator (internal), so that the analyzer, its code fixes and the
// ptegen tool write and read the same lines.
using System;
using System.Globalization;

namespace PteGen
{
    /// <summary>
    /// One fact of a layout's ABI: one claim as it holds in one valid configuration. Its line (<see cref="ToLine"/>) is
    /// what <c>PteAbi.Shipped.txt</c> and <c>PteAbi.Unshipped.txt</c> hold; facts are equal, and sort, by their line.
    /// </summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class PteAbiFact : IEquatable<PteAbiFact>, IComparable<PteAbiFact>
    {
        private const string UnderSeparator = " under ";
        private const string ConfigurationEnd = ": [";
        private const string AlwaysText = "always";

        private readonly string _line;

        /// <summary>Creates a fact.</summary>
        /// <param name="layout">The layout's namespace-qualified C# name without <c>global::</c> (nested types joined by <c>.</c>).</param>
        /// <param name="configuration">The configuration as the descriptor formats it (<c>None</c>, <c>Debug|Pke</c>).</param>
        /// <param name="low">The claim's lowest bit.</param>
        /// <param name="high">The claim's highest bit (inclusive).</param>
        /// <param name="field">The claim's property name.</param>
        /// <param name="owner">Who owns the bits.</param>
        /// <param name="role">The claim's role.</param>
        /// <param name="guestRefused">Whether a guest entry with the field non-zero is refused.</param>
        /// <param name="when">The claim's condition in its canonical form; empty when it always holds.</param>
        public PteAbiFact(
            string layout,
            string configuration,
            int low,
            int high,
            string field,
            PteOwner owner,
            PteRole role,
            bool guestRefused,
            string when)
        {
            if (low < 0 || high > 63 || low > high)
            {
                throw new ArgumentOutOfRangeException(nameof(low), "The bit range " + low + "-" + high + " is not within 0-63.");
            }

            Layout = layout ?? throw new ArgumentNullException(nameof(layout));
            Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
            Low = low;
            High = high;
            Field = field ?? throw new ArgumentNullException(nameof(field));
            Owner = owner;
            Role = role;
            GuestRefused = guestRefused;
            When = when ?? "";
            _line = Format();
        }

        /// <summary>The layout's namespace-qualified name, e.g. <c>XenPv.L1e</c>.</summary>
        public string Layout { get; }

        /// <summary>The layout's simple name (after the last <c>.</c>), as messages name it.</summary>
        public string LayoutName
        {
            get
            {
                var dot = Layout.LastIndexOf('.');
                return dot < 0 ? Layout : Layout.Substring(dot + 1);
            }
        }

        /// <summary>The configuration: switch names joined by <c>|</c>, or the no-switches name.</summary>
        public string Configuration { get; }

        /// <summary>The claim's lowest bit.</summary>
        public int Low { get; }

        /// <summary>The claim's highest bit (inclusive).</summary>
        public int High { get; }

        /// <summary>The claim's property name.</summary>
        public string Field { get; }

        /// <summary>Who owns the bits.</summary>
        public PteOwner Owner { get; }

        /// <summary>The claim's role.</summary>
        public PteRole Role { get; }

        /// <summary>Whether a guest entry with the field non-zero is refused.</summary>
        public bool GuestRefused { get; }

        /// <summary>The claim's condition in its canonical form; empty when it always holds.</summary>
        public string When { get; }

        /// <summary>The bits as the line writes them: <c>62</c> or <c>59-61</c>, two digits each.</summary>
        public string Bits => FormatBits(Low, High);

        /// <summary>
        /// The fact's line:
        /// <c>{Layout} under {Configuration}: [{bits}] {Field} {Owner} role={Role} guest={allowed|refused} when={When or always}</c>.
        /// </summary>
        public string ToLine() => _line;

        /// <inheritdoc/>
        public override string ToString() => _line;

        /// <inheritdoc/>
        public bool Equals(PteAbiFact? other) => other is not null && string.Equals(_line, other._line, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as PteAbiFact);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_line);

        /// <inheritdoc/>
        public int CompareTo(PteAbiFact? other) => other is null ? 1 : string.CompareOrdinal(_line, other._line);

        /// <summary>Formats a bit range as a line writes it: <c>62</c> or <c>09-11</c>.</summary>
        /// <param name="low">The lowest bit.</param>
        /// <param name="high">The highest bit (inclusive).</param>
        public static string FormatBits(int low, int high) =>
            low == high
                ? low.ToString("00", CultureInfo.InvariantCulture)
                : low.ToString("00", CultureInfo.InvariantCulture) + "-" + high.ToString("00", CultureInfo.InvariantCulture);

        /// <summary>
        /// Reads a fact from its line (white space around it ignored). Only the exact form <see cref="ToLine"/> writes is
        /// accepted, so that a file stays sorted and comparable line by line.
        /// </summary>
        /// <param name="line">The line.</param>
        /// <param name="fact">The fact, when the line is one.</param>
        /// <param name="error">Why the line is not a fact, when it is not.</param>
        public static bool TryParse(string line, out PteAbiFact fact, out string error)
        {
            fact = null!;
            if (!TryParseParts(line?.Trim() ?? "", out var parsed, out error))
            {
                return false;
            }

            if (!string.Equals(parsed.ToLine(), line!.Trim(), StringComparison.Ordinal))
            {
                error = "it is not in the canonical form; write it as '" + parsed.ToLine() + "'";
                return false;
            }

            fact = parsed;
            error = "";
            return true;
        }

        private static bool TryParseParts(string line, out PteAbiFact fact, out string error)
        {
            fact = null!;
            var under = line.IndexOf(UnderSeparator, StringComparison.Ordinal);
            if (under <= 0)
            {
                error = "it does not start with '{Layout} under {Configuration}: '";
                return false;
            }

            var layout = line.Substring(0, under);
            var configurationStart = under + UnderSeparator.Length;
            var configurationEnd = line.IndexOf(ConfigurationEnd, configurationStart, StringComparison.Ordinal);
            if (configurationEnd <= configurationStart)
            {
                error = "the configuration is not followed by ': [{bits}]'";
                return false;
            }

            var configuration = line.Substring(configurationStart, configurationEnd - configurationStart);
            if (HasWhiteSpace(layout) || HasWhiteSpace(configuration))
            {
                error = "the layout or the configuration holds white space";
                return false;
            }

            var bitsStart = configurationEnd + ConfigurationEnd.Length;
            var bitsEnd = line.IndexOf("] ", bitsStart, StringComparison.Ordinal);
            if (bitsEnd < 0 || !TryParseBits(line.Substring(bitsStart, bitsEnd - bitsStart), out var low, out var high))
            {
                error = "the bits are not written as [NN] or [NN-MM] with 0 <= NN < MM <= 63";
                return false;
            }

            // {Field} {Owner} role={Role} guest={allowed|refused} when={condition, which may hold spaces}
            var rest = line.Substring(bitsEnd + 2);
            var whenStart = rest.IndexOf(" when=", StringComparison.Ordinal);
            if (whenStart < 0)
            {
                error = "it has no ' when=' part";
                return false;
            }

            var when = rest.Substring(whenStart + " when=".Length);
            var words = rest.Substring(0, whenStart).Split(' ');
            if (words.Length != 4 || words[0].Length == 0)
            {
                error = "expected '{Field} {Owner} role={Role} guest={allowed|refused}' after the bits";
                return false;
            }

            if (!TryParseName(words[1], out PteOwner owner))
            {
                error = "'" + words[1] + "' is not an owner (Hardware, XenReserved or GuestAvailable)";
                return false;
            }

            if (!words[2].StartsWith("role=", StringComparison.Ordinal) || !TryParseName(words[2].Substring("role=".Length), out PteRole role))
            {
                error = "'" + words[2] + "' is not 'role=' followed by a PteRole name";
                return false;
            }

            bool guestRefused;
            switch (words[3])
            {
                case "guest=allowed":
                    guestRefused = false;
                    break;
                case "guest=refused":
                    guestRefused = true;
                    break;
                default:
                    error = "'" + words[3] + "' is neither 'guest=allowed' nor 'guest=refused'";
                    return false;
            }

            if (when.Length == 0)
            {
                error = "the condition is empty; write 'when=always'";
                return false;
            }

            fact = new PteAbiFact(layout, configuration, low, high, words[0], owner, role, guestRefused, when == AlwaysText ? "" : when);
            error = "";
            return true;
        }

        private static bool TryParseBits(string text, out int low, out int high)
        {
            low = high = -1;
            var dash = text.IndexOf('-');
            if (dash < 0)
            {
                return TryParseBit(text, out low) && (high = low) >= 0;
            }

            return TryParseBit(text.Substring(0, dash), out low)
                && TryParseBit(text.Substring(dash + 1), out high)
                && low < high;
        }

        private static bool TryParseBit(string text, out int bit)
        {
            bit = -1;
            if (text.Length != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
            {
                return false;
            }

            bit = ((text[0] - '0') * 10) + (text[1] - '0');
            return bit <= 63;
        }

        // Names only: Enum.TryParse would also take numbers and comma lists.
        private static bool TryParseName<TEnum>(string text, out TEnum value)
            where TEnum : struct
        {
            foreach (TEnum candidate in Enum.GetValues(typeof(TEnum)))
            {
                if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
                {
                    value = candidate;
                    return true;
                }
            }

            value = default;
            return false;
        }

        private static bool HasWhiteSpace(string text)
        {
            foreach (var character in text)
            {
                if (char.IsWhiteSpace(character))
                {
                    return true;
                }
            }

            return false;
        }

        private string Format() =>
            Layout + UnderSeparator + Configuration + ConfigurationEnd + Bits + "] " + Field + " " + Owner
            + " role=" + Role + " guest=" + (GuestRefused ? "refused" : "allowed") + " when=" + (When.Length == 0 ? AlwaysText : When);
    }
}
