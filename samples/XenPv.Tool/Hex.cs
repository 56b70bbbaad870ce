using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace XenPv.Tool;

/// <summary>
/// Entries as Xen and the tool write them: hexadecimal, with or without <c>0x</c>, any number of leading zeros, a
/// value that fits in 64 bits.
/// </summary>
internal static class Hex
{
    /// <summary>The most significant hex digits a 64-bit entry has.</summary>
    public const int MaxDigits = 16;

    /// <summary>What the tool accepts, for error messages.</summary>
    public const string Expected = "expected a 64-bit value in hex: up to 16 digits after any leading zeros, with or without 0x";

    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Parses <paramref name="text"/> (surrounding white space ignored).</summary>
    /// <param name="text">The text, for example <c>0x8010000012345067</c>, <c>12345067</c> or <c>0x00000000000000001</c>.</param>
    /// <param name="value">The entry, when the text is valid.</param>
    /// <param name="error">Why the text is not an entry, when it is not.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out ulong value, out string? error)
    {
        value = 0;
        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits.Slice(2);
        }

        if (digits.IsEmpty)
        {
            error = "no hex digits";
            return false;
        }

        var stray = digits.IndexOfAnyExcept(s_hexDigits);
        if (stray >= 0)
        {
            error = NotADigit(digits.Slice(stray));
            return false;
        }

        var significant = digits.TrimStart('0');
        if (significant.Length > MaxDigits)
        {
            error = $"the value does not fit in 64 bits: {significant.Length.ToString(CultureInfo.InvariantCulture)} hex digits after the leading zeros, more than {MaxDigits}";
            return false;
        }

        value = significant.IsEmpty ? 0 : ulong.Parse(significant, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        error = null;
        return true;
    }

    /// <summary><c>0x</c> and 16 lowercase hex digits: the form <c>adjust</c> prints.</summary>
    public static string Entry(ulong value) => "0x" + value.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary><c>0x</c> and the shortest lowercase hex digits, for field values.</summary>
    public static string Short(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    // The first character of rest is not a hex digit; name it (a whole character, even outside the BMP), escaped.
    private static string NotADigit(ReadOnlySpan<char> rest)
    {
        if (char.IsWhiteSpace(rest[0]))
        {
            return "white space inside the number";
        }

        var length = Rune.DecodeFromUtf16(rest, out _, out var consumed) == OperationStatus.Done ? consumed : 1;
        return $"{Echo.Quoted(rest.Slice(0, length))} is not a hex digit";
    }
}
