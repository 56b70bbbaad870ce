using System.Linq;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;

namespace PteGen.Generators.Parsing.Rules;

/// <summary>The arguments of <c>[PteLayout]</c>: the switches type (PTE014), the level (PTE016) and <c>WarnWhen</c> (PTE022).</summary>
internal static class LayoutArgumentRules
{
    public static Problem? CheckSwitches(LayoutDeclaration layout)
    {
        var problem = layout.Switches.Problem switch
        {
            SwitchesProblem.NotAnEnum => "it is not an enum",
            SwitchesProblem.NotMarked => "it is not marked [PteSwitches]",
            SwitchesProblem.TooManySwitches => $"it has more than {SwitchSet.MaxSwitches} switches",
            SwitchesProblem.LessAccessible => $"it is less accessible than the layout, whose generated public members (IsValid, HardwareBits, ...) take it; make it public",
            _ => null,
        };
        return problem is null
            ? null
            : Problem.Create(DiagnosticDescriptors.InvalidSwitchesType, new Site(SiteKind.LayoutPositionalArgument, Item: 0), layout.Switches.TypeDisplay, layout.RawName, problem);
    }

    /// <summary>The paging level, 0 when none; a level outside 0..4 is reported and taken as 0.</summary>
    public static (int Level, Problem? Problem) CheckLevel(LayoutDeclaration layout) =>
        layout.Level switch
        {
            null => (0, null),
            >= 0 and <= 4 => (layout.Level.Value, null),
            _ => (0, Problem.Create(DiagnosticDescriptors.InvalidLevel, Site.LayoutArgument("Level"), layout.Level.Value, layout.RawName)),
        };

    /// <summary>
    /// <c>WarnWhen</c>: the condition under which the L1 fixup reports Xen's debug warning. Without it, a switch named
    /// <c>Debug</c> is taken to mean a debug build, as in Xen.
    /// </summary>
    public static (string Text, Condition? Condition, Problem? Problem) CheckWarnWhen(LayoutDeclaration layout, SwitchSet switches)
    {
        if (layout.WarnWhenText is not { } text)
        {
            return switches.TryGetSwitch("Debug", out var debug)
                ? (debug.Name, new SwitchCondition(debug.Name, debug.Value), null)
                : ("", null, null);
        }

        var parsed = ConditionParser.Parse(text, switches);
        if (parsed.IsValid)
        {
            return (text, parsed.Condition, null);
        }

        // With a switches type that cannot be used, the names cannot be checked; PTE014 says why.
        if (parsed.SyntaxError is null && layout.Switches.IsBroken)
        {
            return (text, null, null);
        }

        var problem = parsed.SyntaxError
            ?? $"it names {string.Join(", ", parsed.UnknownNames.Select(n => $"'{n}'"))}, which {(parsed.UnknownNames.Count == 1 ? "is not a switch" : "are not switches")} of {(switches.HasSwitches ? $"'{Names.Short(switches.TypeName)}'" : "the layout (it declares no switches type)")}";
        return (text, null, Problem.Create(DiagnosticDescriptors.InvalidWarnWhen, Site.LayoutArgument("WarnWhen"), text, layout.RawName, problem));
    }
}

/// <summary>How messages shorten names.</summary>
internal static class Names
{
    /// <summary><c>global::Ns.XenConfig</c> → <c>XenConfig</c>.</summary>
    public static string Short(string fullyQualified)
    {
        var index = fullyQualified.LastIndexOf('.');
        return index < 0 ? fullyQualified.Replace("global::", "") : fullyQualified.Substring(index + 1);
    }
}
