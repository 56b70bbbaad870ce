using System.Globalization;

namespace XenPv.Tool;

/// <summary>Entries as Xen and the tool write them: hexadecimal, with or without <c>0x</c>, at most 16 digits.</summary>
internal static class Hex
{
    /// <summary>The most hex digits a 64-bit entry has.</summary>
    public const int MaxDigits = 16;

    /// <summary>What the tool accepts, for error messages.</summary>
    public const string Expected = "expected up to 16 hex digits, with or without 0x";

    /// <summary>Parses <paramref name="text"/> (surrounding white space ignored).</summary>
    /// <param name="text">The text, for example <c>0x8010000012345067</c> or <c>12345067</c>.</param>
    /// <param name="value">The entry, when the text is valid.</param>
    /// <param name="error">Why the text is not an entry, when it is not.</param>
    public static bool TryParse(string text, out ulong value, out string? error)
    {
        value = 0;
        var digits = text.Trim();
        if (digits.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
        {
            digits = digits.Substring(2);
        }

        if (digits.Length == 0)
        {
            error = "no hex digits";
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = char.IsWhiteSpace(c) ? "white space inside the number" : $"'{c}' is not a hex digit";
                return false;
            }
        }

        if (digits.Length > MaxDigits)
        {
            error = $"{digits.Length} hex digits, more than the {MaxDigits} of a 64-bit entry";
            return false;
        }

        value = ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        error = null;
        return true;
    }

    /// <summary><c>0x</c> and 16 lowercase hex digits: the form <c>adjust</c> prints.</summary>
    public static string Entry(ulong value) => "0x" + value.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary><c>0x</c> and the shortest lowercase hex digits, for field values.</summary>
    public static string Short(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
