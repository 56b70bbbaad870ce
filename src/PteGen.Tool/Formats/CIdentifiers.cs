using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PteGen.Tool.Formats;

/// <summary>
/// C macro names for the header: C# names in upper snake case (<c>GuestKernel</c> becomes <c>GUEST_KERNEL</c>,
/// <c>XenPv.L1e</c> becomes <c>XEN_PV_L1E</c>), made unique across the whole header.
/// </summary>
internal sealed class CIdentifiers
{
    private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);

    // The next number to try for a wanted name, so that many names spelling the same C name cost one try each.
    private readonly Dictionary<string, int> _nextAttempt = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Claims a base name for a group of macros (<paramref name="suffixes"/> appended to it): <paramref name="wanted"/>,
    /// or <c>wanted_2</c>, <c>wanted_3</c>... when one of its macros is already taken.
    /// </summary>
    public string Claim(string wanted, params string[] suffixes)
    {
        var candidate = wanted;
        var attempt = _nextAttempt.GetValueOrDefault(wanted, 2);
        while (suffixes.Any(suffix => _used.Contains(candidate + suffix)))
        {
            candidate = wanted + "_" + attempt.ToString(CultureInfo.InvariantCulture);
            attempt++;
        }

        _nextAttempt[wanted] = attempt;

        foreach (var suffix in suffixes)
        {
            _used.Add(candidate + suffix);
        }

        return candidate;
    }

    /// <summary>Upper snake case: words split at lower-to-upper and acronym-to-word changes; anything but ASCII letters and digits becomes <c>_</c>.</summary>
    public static string UpperSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (char.IsAsciiLetterOrDigit(character))
            {
                var previous = index > 0 ? name[index - 1] : '\0';
                var next = index + 1 < name.Length ? name[index + 1] : '\0';
                var startsWord = char.IsAsciiLetterUpper(character)
                    && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous) || (char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterLower(next)));
                if (startsWord && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(character));
            }
            else if (char.IsLetter(character))
            {
                // A non-ASCII letter of a C# identifier, spelled out so the header stays plain C11.
                builder.Append('U').Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var text = builder.ToString().Trim('_');
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "N" + text : text;
    }
}
