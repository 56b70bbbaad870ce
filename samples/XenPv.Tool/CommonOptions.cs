using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using PteGen;

namespace XenPv.Tool;

/// <summary>The options and arguments several commands share, and the names they print.</summary>
internal static class CommonOptions
{
    /// <summary><c>--level 1..4</c>, default 1.</summary>
    public static Option<int> Level()
    {
        return new Option<int>("--level", "-l")
        {
            Description = "The paging level of the entries: 1 (leaf PTE), 2, 3 or 4.",
            DefaultValueFactory = _ => XenLayout.MinLevel,
            HelpName = "1..4",
            // Parsed here rather than by System.CommandLine, whose int conversion throws from a validator on 'abc'.
            CustomParser = ParseLevel,
        };
    }

    /// <summary>
    /// <c>--config Debug,Pke,...</c>: the Xen switches that are on. Absent, the value is <see langword="null"/> and each
    /// command says what it assumes.
    /// </summary>
    public static Option<XenConfig?> Config(string whenAbsent)
    {
        return new Option<XenConfig?>("--config", "-c")
        {
            Description =
                $"The Xen switches that are on, comma-separated: {SwitchNames} ({ExclusionNote}). " +
                $"Valid configurations: {ValidConfigurationNames}. {whenAbsent}",
            HelpName = string.Join(",", XenLayout.Switches.Switches.Select(item => item.Name)),
            CustomParser = ParseConfig,
        };
    }

    /// <summary><c>--domain pv64|pv32</c>, default pv64.</summary>
    public static Option<string> Domain()
    {
        var option = new Option<string>("--domain", "-d")
        {
            Description = "The kind of PV domain that submits the entries: pv64 (64-bit, kernel in ring 3) or pv32 (32-bit compat).",
            DefaultValueFactory = _ => Pv64,
            HelpName = $"{Pv32}|{Pv64}",
            // Parsed here so that the message quotes the bad value escaped (see Echo).
            CustomParser = ParseDomainName,
        };
        option.CompletionSources.Add(Pv64, Pv32);
        return option;
    }

    /// <summary>The PV domain kind named by a validated <see cref="Domain"/> value.</summary>
    public static PvDomainKind ParseDomain(string? name) =>
        string.Equals(name, Pv32, StringComparison.OrdinalIgnoreCase) ? PvDomainKind.Pv32 : PvDomainKind.Pv64;

    /// <summary>How the tool writes a domain kind.</summary>
    public static string DomainName(PvDomainKind kind) => kind == PvDomainKind.Pv32 ? Pv32 : Pv64;

    /// <summary>A hex argument (an entry or a bit mask).</summary>
    public static Argument<ulong> HexArgument(string name, string description)
    {
        return new Argument<ulong>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Hex.TryParse(text, out var value, out var error))
                {
                    return value;
                }

                result.AddError($"{Echo.Quoted(text)} is not a hex value: {error} ({Hex.Expected}).");
                return 0;
            },
        };
    }

    /// <summary>The switch names, for example <c>Debug, Pke</c>.</summary>
    public static string SwitchNames => string.Join(", ", XenLayout.Switches.Switches.Select(item => item.Name));

    /// <summary>The valid configurations, for example <c>None, Debug, Pke</c>.</summary>
    public static string ValidConfigurationNames =>
        string.Join(", ", XenLayout.Switches.ValidConfigurations.Select(XenLayout.Switches.FormatConfiguration));

    /// <summary>How a configuration is written in the output.</summary>
    public static string Name(XenConfig config) => XenLayout.Switches.FormatConfiguration((ulong)config);

    private const string Pv64 = "pv64", Pv32 = "pv32";

    private static string ExclusionNote =>
        $"at most one at a time; {XenLayout.Switches.NoSwitchesName} for none";

    private static XenConfig? ParseConfig(ArgumentResult result)
    {
        var text = string.Join(",", result.Tokens.Select(token => token.Value));
        var switches = XenLayout.Switches;
        if (!switches.TryParseConfiguration(text, out var value, out var unknown))
        {
            result.AddError(
                $"--config: {Echo.Quoted(unknown)} is not a Xen configuration switch. Valid switches: {SwitchNames} " +
                $"({switches.NoSwitchesName} for none); valid configurations: {ValidConfigurationNames}.");
            return null;
        }

        if (!switches.IsValidConfiguration(value))
        {
            result.AddError(
                $"--config: {switches.FormatConfiguration(value)} is not a valid configuration: those switches cannot be on together. " +
                $"Valid switches: {SwitchNames}; valid configurations: {ValidConfigurationNames}.");
            return null;
        }

        return (XenConfig)value;
    }

    private static int ParseLevel(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return XenLayout.MinLevel;
        }

        var text = result.Tokens[0].Value;
        if (TryParseLevel(text, out var level))
        {
            return level;
        }

        result.AddError($"--level {Echo.Quoted(text)} is not a paging level: use 1, 2, 3 or 4.");
        return XenLayout.MinLevel;
    }

    // Decimal digits (leading zeros and surrounding white space allowed) naming 1 to 4; no sign, no overflow however
    // long the text.
    private static bool TryParseLevel(ReadOnlySpan<char> text, out int level)
    {
        level = 0;
        var digits = text.Trim().TrimStart('0');
        if (digits.Length != 1 || !char.IsAsciiDigit(digits[0]))
        {
            return false;
        }

        level = digits[0] - '0';
        return level is >= XenLayout.MinLevel and <= XenLayout.MaxLevel;
    }

    private static string ParseDomainName(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return Pv64;
        }

        var text = result.Tokens[0].Value;
        foreach (var name in new[] { Pv64, Pv32 })
        {
            if (string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        result.AddError($"--domain {Echo.Quoted(text)} is not a PV domain kind: use {Pv64} or {Pv32}.");
        return Pv64;
    }
}

/// <summary>Formatting shared by the commands.</summary>
internal static class Text
{
    /// <summary>The bits of a field as <c>12-51</c>, or <c>8</c> for one bit.</summary>
    public static string Bits(PteFieldDescriptor field) =>
        field.Low == field.High
            ? field.Low.ToString(CultureInfo.InvariantCulture)
            : $"{field.Low.ToString(CultureInfo.InvariantCulture)}-{field.High.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The bits of a mask as a short list: <c>62</c>, <c>3-4, 7</c>.</summary>
    public static string BitList(ulong mask)
    {
        var runs = new System.Collections.Generic.List<string>();
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

            runs.Add(low == bit
                ? low.ToString(CultureInfo.InvariantCulture)
                : $"{low.ToString(CultureInfo.InvariantCulture)}-{bit.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(", ", runs);
    }

    /// <summary>A field's value: <c>0</c>/<c>1</c> for one bit, hex for wider fields.</summary>
    public static string Value(PteFieldDescriptor field, ulong raw)
    {
        var value = field.Extract(raw);
        return field.Width == 1 ? value.ToString(CultureInfo.InvariantCulture) : Hex.Short(value);
    }

    /// <summary>A role, or <c>-</c> for none.</summary>
    public static string Role(PteRole role) => role == PteRole.None ? "-" : role.ToString();

    /// <summary>A condition, or <c>always</c>.</summary>
    public static string Condition(PteFieldDescriptor field) => field.When.Length == 0 ? "always" : field.When;

    /// <summary>A mask and the bits it holds: <c>0x4010000000000000 (bits 52 and 62)</c>.</summary>
    public static string Mask(ulong mask) => mask == 0 ? "none" : $"{Hex.Entry(mask)} ({PteBits.Describe(mask)})";
}
