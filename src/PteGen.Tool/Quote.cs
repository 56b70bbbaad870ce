using System.Globalization;
using System.Text;

namespace PteGen.Tool;

/// <summary>Quotes what the user typed (paths, option values) for a message: in single quotes, control characters escaped, cut short.</summary>
internal static class Quote
{
    private const int MaxLength = 200;

    public static string Text(string? text)
    {
        text ??= "";
        var builder = new StringBuilder("'");
        var length = 0;
        foreach (var character in text)
        {
            if (length++ == MaxLength)
            {
                builder.Append("...");
                break;
            }

            if (char.IsControl(character) || character == '\'' || character == '\\')
            {
                builder.Append("\\x").Append(((int)character).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.Append('\'').ToString();
    }
}
