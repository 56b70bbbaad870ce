using System.Globalization;
using System.Text;

namespace PteGen.Tests.Robustness;

/// <summary>
/// Writes a <see cref="LayoutSpec"/> as one C# file in namespace <c>Case{index}</c>: the switches enum, the field
/// enums, the containing types, the layout (in one or two parts) and its case twin.
/// </summary>
internal static class LayoutRenderer
{
    private static readonly string[] RoleNames =
    [
        "None", "Present", "Writable", "User", "WriteThrough", "CacheDisable", "Accessed", "Dirty", "PatOrPageSize", "Global",
        "Frame", "GuestKernel", "GrantMapping", "ProtectionKey", "NoExecute",
    ];

    private static readonly string[] GuestWriteNames = ["Default", "Allowed", "Refused"];

    public static string Render(LayoutSpec spec, int index)
    {
        var text = new StringBuilder();
        text.Append("using PteGen;\n\n");
        text.Append("namespace ").Append(LayoutSpec.Namespace(index)).Append("\n{\n");

        var switches = spec.Switches;
        var declaresSwitches = spec.SwitchesReference is SwitchesReference.Declared or SwitchesReference.DeclaredWithoutPteSwitches;
        if (declaresSwitches)
        {
            RenderSwitches(text, switches, spec.SwitchesReference == SwitchesReference.Declared);
        }

        foreach (var enumType in spec.Claims.Select(c => c.Type).Where(t => t.EnumUnderlying is not null).Distinct())
        {
            text.Append($"    public enum {enumType.Code} : {enumType.EnumUnderlying} {{ Zero = 0, One = 1 }}\n\n");
        }

        // The members a When may name with nameof(Cfg.X) (anything else would not compile).
        var enumMembers = declaresSwitches
            ? switches.Members.Select(m => m.Name)
                .Concat(switches.ZeroName is { } zero ? [zero] : [])
                .Concat(switches.HasComposite ? [SwitchSpec.CompositeName] : [])
                .Concat(switches.ExpressionMembers.Select(m => m.Name))
                .ToHashSet(StringComparer.Ordinal)
            : [];

        var indent = "    ";
        for (var depth = 0; depth < spec.Nesting.Length; depth++)
        {
            var container = spec.Nesting[depth];
            text.Append(indent);
            if (depth == 0 && spec.FileLocalContainer)
            {
                text.Append("file ");
            }
            else
            {
                text.Append(container.Accessibility).Append(' ');
            }

            text.Append(container.Kind == ContainerKind.StaticClass ? "static " : "");
            text.Append(container.IsUnsafe ? "unsafe " : "");
            text.Append(container.IsPartial ? "partial " : "");
            text.Append(container.Kind switch
            {
                ContainerKind.Struct => "struct",
                ContainerKind.Record => "record",
                ContainerKind.Interface => "interface",
                _ => "class",
            });
            text.Append(' ').Append(LayoutSpec.ContainerName(depth)).Append(container.IsGeneric ? $"<T{depth}>" : "").Append('\n');
            text.Append(indent).Append("{\n");
            indent += "    ";
        }

        var firstPart = spec.Declaration.TwoParts ? (spec.Claims.Length + 1) / 2 : spec.Claims.Length;
        RenderLayoutAttribute(text, spec, indent);
        RenderPart(text, spec, spec.TypeName, spec.Claims.Take(firstPart), withHook: true, enumMembers, index, indent);
        if (spec.Declaration.TwoParts)
        {
            text.Append('\n');
            RenderPart(text, spec, spec.TypeName, spec.Claims.Skip(firstPart), withHook: false, enumMembers, index, indent);
        }

        if (spec.CaseTwin)
        {
            text.Append('\n');
            RenderLayoutAttribute(text, spec, indent);
            RenderPart(text, spec, spec.TwinName, spec.Claims, withHook: true, enumMembers, index, indent);
        }

        for (var depth = spec.Nesting.Length - 1; depth >= 0; depth--)
        {
            indent = indent[..^4];
            text.Append(indent).Append("}\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void RenderLayoutAttribute(StringBuilder text, LayoutSpec spec, string indent)
    {
        text.Append(indent).Append("[PteLayout");
        var arguments = new List<string>();
        switch (spec.SwitchesReference)
        {
            case SwitchesReference.Declared or SwitchesReference.DeclaredWithoutPteSwitches:
                arguments.Add($"typeof({SwitchSpec.EnumName})");
                break;
            case SwitchesReference.Int:
                arguments.Add("typeof(int)");
                break;
            case SwitchesReference.String:
                arguments.Add("typeof(string)");
                break;
        }

        if (spec.Level is { } level)
        {
            arguments.Add($"Level = {Int(level)}");
        }

        if (spec.AdjustGuest is { } adjustGuest)
        {
            arguments.Add($"AdjustGuest = {(adjustGuest ? "true" : "false")}");
        }

        if (spec.WarnWhen is { } warnWhen)
        {
            arguments.Add($"WarnWhen = {StringLiteral(warnWhen)}");
        }

        if (arguments.Count > 0)
        {
            text.Append('(').Append(string.Join(", ", arguments)).Append(')');
        }

        text.Append("]\n");
    }

    /// <summary>One declaration of the layout type named <paramref name="name"/>, with <paramref name="claims"/>.</summary>
    private static void RenderPart(
        StringBuilder text,
        LayoutSpec spec,
        string name,
        IEnumerable<Claim> claims,
        bool withHook,
        IReadOnlySet<string> enumMembers,
        int index,
        string indent)
    {
        var declaration = spec.Declaration;
        text.Append(indent);
        if (spec.Nesting.IsEmpty && declaration.IsFileLocal)
        {
            text.Append("file ");
        }

        text.Append(declaration.Accessibility.Length > 0 ? declaration.Accessibility + " " : "");
        text.Append(declaration.IsUnsafe ? "unsafe " : "");
        text.Append(declaration.IsNew && !spec.Nesting.IsEmpty ? "new " : "");
        text.Append(declaration.IsReadonly && declaration.CanBeReadonly ? "readonly " : "");
        text.Append(declaration.Kind == LayoutKind.RefStruct ? "ref " : "");
        text.Append(declaration.IsPartial ? "partial " : "");
        text.Append(declaration.Kind switch
        {
            LayoutKind.RecordStruct => "record struct",
            LayoutKind.Class => "class",
            LayoutKind.RecordClass => "record",
            _ => "struct",
        });
        var typeArguments = declaration.IsGeneric ? "<T>" : "";
        text.Append(' ').Append(name).Append(typeArguments).Append('\n').Append(indent).Append("{\n");
        foreach (var claim in claims)
        {
            foreach (var line in RenderClaim(claim, enumMembers, index))
            {
                text.Append(indent).Append("    ").Append(line).Append('\n');
            }
        }

        if (withHook && declaration.Hook != HookShape.None)
        {
            text.Append(indent).Append("    ").Append(RenderHook(declaration.Hook, name + typeArguments)).Append('\n');
        }

        text.Append(indent).Append("}\n");
    }

    private static string RenderHook(HookShape hook, string layout) => hook switch
    {
        HookShape.Implementation => $"static partial void OnGlobalKernelPage({layout} entry) {{ }}",
        HookShape.ImplementationRenamed => $"static partial void OnGlobalKernelPage({layout} @class) {{ }}",
        HookShape.ImplementationExplicitlyPrivate => $"private static partial void OnGlobalKernelPage({layout} entry) {{ }}",
        HookShape.ImplementationOtherParameter => "static partial void OnGlobalKernelPage(ulong entry) { }",
        HookShape.ImplementationInstance => $"partial void OnGlobalKernelPage({layout} entry) {{ }}",
        HookShape.ImplementationPublic => $"public static partial void OnGlobalKernelPage({layout} entry) {{ }}",
        HookShape.ImplementationIn => $"static partial void OnGlobalKernelPage(in {layout} entry) {{ }}",
        HookShape.ImplementationReturningInt => $"private static partial int OnGlobalKernelPage({layout} entry) => 0;",
        HookShape.ImplementationGeneric => $"static partial void OnGlobalKernelPage<TEntry>({layout} entry) {{ }}",
        HookShape.TwoImplementations => $"static partial void OnGlobalKernelPage({layout} entry, int extra) {{ }} static partial void OnGlobalKernelPage({layout} entry) {{ }}",
        HookShape.NotPartial => $"static void OnGlobalKernelPage({layout} entry) {{ }}",
        HookShape.Definition => $"static partial void OnGlobalKernelPage({layout} entry);",
        _ => $"static partial void OnGlobalKernelPage({layout} entry); static partial void OnGlobalKernelPage({layout} entry) {{ }}",
    };

    private static void RenderSwitches(StringBuilder text, SwitchSpec switches, bool marked)
    {
        if (marked)
        {
            text.Append("    [PteSwitches]\n");
        }

        foreach (var group in switches.Groups)
        {
            text.Append("    [MutuallyExclusive");
            if (group.NullArray)
            {
                text.Append("(null)");
            }
            else if (group.Arguments.Length > 0)
            {
                text.Append('(').Append(string.Join(", ", group.Arguments.Select(a => RenderExclusiveArgument(switches, a)))).Append(')');
            }

            text.Append("]\n");
        }

        text.Append("    [System.Flags]\n");
        text.Append(switches.IsInternal ? "    internal enum " : "    public enum ").Append(SwitchSpec.EnumName);
        if (switches.Underlying is not null)
        {
            text.Append(" : ").Append(switches.Underlying);
        }

        var members = new List<string>();
        if (switches.ZeroName is not null)
        {
            members.Add($"{switches.ZeroName} = 0");
        }

        members.AddRange(switches.Members.Select(m => $"{m.Source} = {m.Value.ToString(CultureInfo.InvariantCulture)}"));
        if (switches.HasComposite)
        {
            members.Add($"{SwitchSpec.CompositeName} = {string.Join(" | ", switches.Members.Select(m => m.Source))}");
        }

        members.AddRange(switches.ExpressionMembers.Select(m => $"{m.Name} = {m.Code}"));
        text.Append(" { ").Append(string.Join(", ", members)).Append(" }\n\n");
    }

    private static string RenderExclusiveArgument(SwitchSpec switches, ExclusiveArgument argument) => argument.Kind switch
    {
        ExclusiveArgumentKind.Member => $"{SwitchSpec.EnumName}.{switches.Members[(int)argument.Value].Source}",
        ExclusiveArgumentKind.Composite => $"{SwitchSpec.EnumName}.{SwitchSpec.CompositeName}",
        ExclusiveArgumentKind.Zero => $"{SwitchSpec.EnumName}.{switches.ZeroName}",
        ExclusiveArgumentKind.IntLiteral => argument.Value.ToString(CultureInfo.InvariantCulture),
        ExclusiveArgumentKind.Cast => $"({SwitchSpec.EnumName}){argument.Value.ToString(CultureInfo.InvariantCulture)}",
        ExclusiveArgumentKind.Expression => $"{SwitchSpec.EnumName}.{switches.ExpressionMembers[(int)argument.Value].Name}",
        _ => "(object?)null",
    };

    /// <summary>A claim's lines: its doc comment, if any, then its declaration (and the user's implementing part, if any).</summary>
    public static IEnumerable<string> RenderClaim(Claim claim, IReadOnlySet<string> enumMembers, int index)
    {
        if (claim.Decorations.HasFlag(ClaimDecorations.DocComment))
        {
            yield return $"/// <summary>The {claim.PlainName} field.</summary>";
        }

        var text = new StringBuilder();
        if (claim.Decorations.HasFlag(ClaimDecorations.ObsoleteError))
        {
            text.Append("[System.Obsolete(\"use another field\", true)] ");
        }
        else if (claim.Decorations.HasFlag(ClaimDecorations.Obsolete))
        {
            text.Append("[System.Obsolete(\"use another field\")] ");
        }

        if (claim.Decorations.HasFlag(ClaimDecorations.OtherAttributes))
        {
            text.Append("[System.ComponentModel.Description(\"bits\")] [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Style\", \"IDE0000\")] ");
        }

        if (claim.Shape != PropertyShape.NoOwnership)
        {
            text.Append('[').Append(RenderAttribute(claim, claim.Owner, withNamedArguments: true, enumMembers, index)).Append("] ");
        }

        if (claim.Shape == PropertyShape.TwoOwnerships)
        {
            var other = claim.Owner == Owner.GuestAvailable ? Owner.Hardware : Owner.GuestAvailable;
            text.Append('[').Append(RenderAttribute(claim, other, withNamedArguments: false, enumMembers, index)).Append("] ");
        }

        var modifiers = Modifiers(claim, partial: claim.Shape != PropertyShape.NotPartial);
        var signature = claim.Shape switch
        {
            PropertyShape.Indexer => $"{claim.Type.Code} this[int index]",
            PropertyShape.ReturnsByRef => $"ref {claim.Type.Code} {claim.Name}",
            _ => $"{claim.Type.Code} {claim.Name}",
        };
        text.Append(modifiers).Append(signature);
        text.Append(claim.Shape switch
        {
            PropertyShape.Setter => " { get; set; }",
            PropertyShape.Init => " { get; init; }",
            PropertyShape.NotPartial => " => default!;",
            _ => " { get; }",
        });
        yield return text.ToString();

        if (claim.Shape == PropertyShape.ImplementedByUser)
        {
            yield return $"{modifiers}{signature} {{ get => default!; }}";
        }
    }

    /// <summary>The property's modifiers, in an order C# accepts (<c>partial</c> last).</summary>
    private static string Modifiers(Claim claim, bool partial)
    {
        var text = new StringBuilder();
        text.Append(claim.Accessibility.Length > 0 ? claim.Accessibility + " " : "");
        text.Append(claim.Shape == PropertyShape.Static ? "static " : "");
        text.Append(claim.Modifiers.HasFlag(ClaimModifiers.Unsafe) ? "unsafe " : "");
        text.Append(claim.Modifiers.HasFlag(ClaimModifiers.New) ? "new " : "");
        text.Append(claim.Modifiers.HasFlag(ClaimModifiers.Readonly) ? "readonly " : "");
        text.Append(partial ? "partial " : "");
        return text.ToString();
    }

    private static string RenderAttribute(Claim claim, Owner owner, bool withNamedArguments, IReadOnlySet<string> enumMembers, int index)
    {
        var style = withNamedArguments ? claim.Style : ArgumentStyle.Positional;
        var arguments = (style, claim.OneArgument) switch
        {
            (ArgumentStyle.Named or ArgumentStyle.NamedReversed, true) => ["bit: " + Int(claim.Low)],
            (ArgumentStyle.Named, false) => ["low: " + Int(claim.Low), "high: " + Int(claim.High)],
            (ArgumentStyle.NamedReversed, false) => ["high: " + Int(claim.High), "low: " + Int(claim.Low)],
            (ArgumentStyle.Expressions, _) => new List<string> { Expression(claim.Low) },
            _ => new List<string> { Int(claim.Low) },
        };
        if (!claim.OneArgument && style is ArgumentStyle.Positional or ArgumentStyle.Expressions)
        {
            arguments.Add(style == ArgumentStyle.Expressions ? Expression(claim.High) : Int(claim.High));
        }

        if (withNamedArguments)
        {
            if (claim.When is not null)
            {
                arguments.Add("When = " + (style == ArgumentStyle.Expressions && enumMembers.Contains(claim.When)
                    ? $"nameof(global::{LayoutSpec.Namespace(index)}.{SwitchSpec.EnumName}.@{claim.When})"
                    : StringLiteral(claim.When)));
            }

            if (claim.Role is { } role)
            {
                arguments.Add("Role = " + (role >= 0 && role < RoleNames.Length ? "PteRole." + RoleNames[role] : $"(PteRole)({Int(role)})"));
            }

            if (claim.GuestWrite is { } guestWrite)
            {
                arguments.Add("GuestWrite = " + (guestWrite >= 0 && guestWrite < GuestWriteNames.Length ? "GuestWrite." + GuestWriteNames[guestWrite] : $"(GuestWrite)({Int(guestWrite)})"));
            }

            if (owner == Owner.XenReserved && claim.Relocatable is { } relocatable)
            {
                arguments.Add("Relocatable = " + (relocatable ? "true" : "false"));
            }

            if (owner == Owner.XenReserved && claim.Optional is { } optional)
            {
                arguments.Add("Optional = " + (optional ? "true" : "false"));
            }
        }

        var name = owner switch
        {
            Owner.Hardware => "Hardware",
            Owner.XenReserved => "XenReserved",
            _ => "GuestAvailable",
        };
        return $"{name}({string.Join(", ", arguments)})";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A constant expression with the value: <c>(1 + 2)</c>, <c>(64 - 1)</c>.</summary>
    private static string Expression(int value) => value switch
    {
        int.MinValue => "int.MinValue",
        int.MaxValue => "int.MaxValue",
        >= 10 => $"({Int(value - 7)} + 7)",
        _ => $"({Int(value + 3)} - 3)",
    };

    /// <summary>A C# string literal in which every character outside printable ASCII is a <c>\uXXXX</c> escape.</summary>
    public static string StringLiteral(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"' || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c >= 0x20 && c < 0x7F)
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }
}
