using System.Collections.Immutable;

namespace PteGen.Tests.Robustness;

/// <summary>
/// Decides, from the declaration rules of docs/xen-pv-abi.md §3 and the attribute contracts (not by calling PteGen's parser or
/// validator), whether a <see cref="LayoutSpec"/> is a valid layout, and if so what the generated ownership masks must
/// be. Every reason a layout is invalid is collected, for the failure messages. The declaration's shape is judged by the
/// rules of the PTE001-PTE004, PTE020 and PTE026 pages; what is not PteGen's to judge (a claim type that does not
/// resolve, <c>new</c> that hides nothing) is what the compiler says of it, kept apart as the user's own errors and warnings.
/// </summary>
internal static class LayoutOracle
{
    /// <summary>
    /// How deeply <c>!</c> and parentheses may nest in a condition (README, "Declaring a layout"). The generators never
    /// nest between 41 and 99 levels, so the exact boundary (whether the outermost level counts) is not what this test checks.
    /// </summary>
    public const int MaxConditionNesting = 64;

    /// <summary>
    /// The most switch names a condition may have (README, "Declaring a layout"), an operand repeated in its chain
    /// counting once: every condition is written into the generated code.
    /// </summary>
    public const int MaxConditionOperands = 256;

    /// <summary>The most switches a layout may have (every configuration is checked).</summary>
    public const int MaxSwitches = 12;

    // PteRole values (PteGen.PteRole, public contract), by number.
    private const int RoleNone = 0;
    private const int RolePresent = 1;
    private const int RoleWritable = 2;
    private const int RoleUser = 3;
    private const int RoleAccessed = 6;
    private const int RoleGlobal = 9;
    private const int RoleFrame = 10;
    private const int RoleGuestKernel = 11;
    private const int RoleGrantMapping = 12;
    private const int RoleProtectionKey = 13;
    private const int RoleCount = 15;

    public static Verdict Judge(LayoutSpec spec)
    {
        var reasons = new List<string>();
        var userErrors = new List<string>();
        var userWarnings = new List<string>();
        JudgeDeclaration(spec, reasons, userWarnings);

        if (spec.Level is { } level && level is < 0 or > 4)
        {
            reasons.Add($"Level {level} is not 0 to 4");
        }

        // The switches: a [PteSwitches] enum whose single-bit members are the switches (a negative one by its bits).
        var switches = ImmutableArray<SwitchMember>.Empty;
        var exclusiveGroups = new List<ulong>();
        switch (spec.SwitchesReference)
        {
            case SwitchesReference.Int or SwitchesReference.String:
                reasons.Add("the switches type is not an enum");
                break;
            case SwitchesReference.DeclaredWithoutPteSwitches:
                reasons.Add("the switches enum is not marked [PteSwitches]");
                break;
            case SwitchesReference.Declared:
                switches = SwitchesOf(spec.Switches, reasons);
                if (switches.Length > MaxSwitches)
                {
                    reasons.Add("more than 12 switches");
                }

                foreach (var group in spec.Switches.Groups)
                {
                    var (mask, problem) = JudgeExclusiveGroup(spec.Switches, switches, group);
                    if (problem is not null)
                    {
                        reasons.Add("[MutuallyExclusive] " + problem);
                    }

                    exclusiveGroups.Add(mask);
                }

                break;
        }

        var names = switches.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
        var configurations = ValidConfigurations(switches, exclusiveGroups);

        // WarnWhen is a condition like When (the configurations in which the L1 fixup reports Xen's debug warning).
        if (spec.WarnWhen is { } warnWhen)
        {
            ConditionReader.Read(warnWhen, names, out var warnWhenProblem);
            if (warnWhenProblem is not null)
            {
                reasons.Add($"WarnWhen {LayoutRenderer.StringLiteral(warnWhen)} {warnWhenProblem}");
            }
        }

        // Each claim on its own.
        var conditions = new Condition?[spec.Claims.Length];
        for (var index = 0; index < spec.Claims.Length; index++)
        {
            var claim = spec.Claims[index];
            var where = $"'{claim.PlainName}'";
            switch (claim.Shape)
            {
                case PropertyShape.Setter: reasons.Add($"{where} has a setter"); break;
                case PropertyShape.Init: reasons.Add($"{where} has an init accessor"); break;
                case PropertyShape.Static: reasons.Add($"{where} is static"); break;
                case PropertyShape.NotPartial: reasons.Add($"{where} is not partial"); break;
                case PropertyShape.NoOwnership: reasons.Add($"{where} has no ownership attribute"); break;
                case PropertyShape.TwoOwnerships: reasons.Add($"{where} has two ownership attributes"); break;
                case PropertyShape.Indexer: reasons.Add($"{where} is an indexer"); break;
                case PropertyShape.ReturnsByRef: reasons.Add($"{where} returns by reference"); break;
                case PropertyShape.ImplementedByUser: reasons.Add($"{where} is implemented in the user's code, not PteGen's"); break;
            }

            JudgeClaimDeclaration(spec, claim, userErrors, userWarnings);

            var low = claim.Low;
            var high = claim.EffectiveHigh;
            var rangeOk = low is >= 0 and <= 63 && high is >= 0 and <= 63 && low <= high;
            if (!rangeOk)
            {
                reasons.Add($"{where} claims ({low}, {high}), not an inclusive range within 0..63");
            }

            var width = rangeOk ? high - low + 1 : 1;
            if (rangeOk && claim.Type.Kind != FieldTypeKind.Unresolved && TypeProblem(claim.Type, width) is { } typeProblem)
            {
                reasons.Add($"{where}: {typeProblem}");
            }

            var condition = ConditionReader.Read(claim.When ?? "", names, out var conditionProblem);
            if (conditionProblem is not null)
            {
                reasons.Add($"{where}: condition {LayoutRenderer.StringLiteral(claim.When ?? "")} {conditionProblem}");
            }

            conditions[index] = condition;

            var role = claim.Role ?? RoleNone;
            if (role is < 0 or >= RoleCount)
            {
                reasons.Add($"{where}: Role {role} is not a PteRole");
            }
            else if (role != RoleNone)
            {
                var wanted = role is RoleGuestKernel or RoleGrantMapping ? Owner.XenReserved : Owner.Hardware;
                if (claim.Owner != wanted)
                {
                    reasons.Add($"{where}: role {role} belongs on a {wanted} claim, not {claim.Owner}");
                }

                if (role is not (RoleFrame or RoleProtectionKey) && rangeOk && width != 1)
                {
                    reasons.Add($"{where}: role {role} marks a single bit, but the claim is {width} bits wide");
                }
            }

            if (claim.GuestWrite is { } guestWrite && guestWrite is < 0 or > 2)
            {
                reasons.Add($"{where}: GuestWrite {guestWrite} is not a GuestWrite");
            }

            // Relocatable and Optional exist on [XenReserved] only (the renderer writes them for XenReserved only).
            var relocatable = claim.Owner == Owner.XenReserved && claim.Relocatable == true;
            var optional = claim.Owner == Owner.XenReserved && claim.Optional == true;
            if (optional && !relocatable)
            {
                reasons.Add($"{where} is Optional but not Relocatable");
            }

            if (relocatable && rangeOk && width != 1)
            {
                reasons.Add($"{where} is Relocatable but {width} bits wide (negotiation moves single bits)");
            }
        }

        // Names the generated part declares (docs/xen-pv-abi.md §4: Raw, With{Name}, {Name}Mask/Shift/Width, the ownership
        // masks, IsValid, Descriptor, equality and formatting, and PteGen's private helpers).
        var reserved = ReservedNames(spec, hasSwitches: switches.Length > 0);
        if (reserved.Contains(spec.PlainTypeName))
        {
            // The generated member would have the name of its enclosing type (CS0542).
            reasons.Add($"the layout is named '{spec.PlainTypeName}', like a member PteGen generates in it");
        }

        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in spec.Claims.Where(c => c.Shape != PropertyShape.Indexer))
        {
            if (reserved.Contains(claim.PlainName))
            {
                reasons.Add($"'{claim.PlainName}' is the name of a member PteGen generates");
            }

            if (!propertyNames.Add(claim.PlainName))
            {
                reasons.Add($"'{claim.PlainName}' is declared twice");
            }
        }

        if (reasons.Count > 0)
        {
            return new Verdict(false, reasons, null, userErrors, userWarnings);
        }

        // A layout with a Level that marks its present bit asks for that level's guest-entry fixup (unless
        // AdjustGuest = false), which needs each of the level's roles in every valid configuration (§3, and
        // PteLayoutAttribute.AdjustGuest: "the fixup needs the roles of its level in every configuration").
        var fixupRoles = spec.Level is >= 1 and <= 4 && spec.AdjustGuest != false && spec.Claims.Any(c => c.Role == RolePresent)
            ? FixupRoles(spec.Level.Value)
            : [];

        // Every claim holds in some valid configuration (§3).
        for (var index = 0; index < spec.Claims.Length; index++)
        {
            if (conditions[index] is { } condition && !configurations.Any(condition.Holds))
            {
                reasons.Add($"'{spec.Claims[index].PlainName}' holds in no valid configuration");
            }
        }

        // The fixup needs its roles' bits in every domain, so negotiation may not switch one off (§3).
        foreach (var claim in spec.Claims.Where(c => c.Role is { } role && fixupRoles.Contains(role) && c.Owner == Owner.XenReserved && c.Relocatable == true && c.Optional == true))
        {
            reasons.Add($"'{claim.PlainName}' holds role {claim.Role}, which the L{spec.Level} fixup needs, but is Optional");
        }

        // Every bit has exactly one owner, and every role at most one holder, in every valid configuration.
        var ownership = new List<ConfigurationOwnership>();
        foreach (var configuration in configurations)
        {
            var owners = new int[64];
            Array.Fill(owners, -1);
            var roleHolders = new Dictionary<int, int>();
            var masks = new ulong[3];
            for (var index = 0; index < spec.Claims.Length; index++)
            {
                var claim = spec.Claims[index];
                if (conditions[index] is { } condition && !condition.Holds(configuration))
                {
                    continue;
                }

                for (var bit = claim.Low; bit <= claim.EffectiveHigh; bit++)
                {
                    if (owners[bit] >= 0)
                    {
                        reasons.Add($"bit {bit} is claimed by both '{spec.Claims[owners[bit]].PlainName}' and '{claim.PlainName}' in configuration 0x{configuration:x}");
                    }

                    owners[bit] = index;
                    masks[(int)claim.Owner] |= 1UL << bit;
                }

                if (claim.Role is { } role and not RoleNone && !roleHolders.TryAdd(role, index))
                {
                    reasons.Add($"role {role} is held by both '{spec.Claims[roleHolders[role]].PlainName}' and '{claim.PlainName}' in configuration 0x{configuration:x}");
                }
            }

            for (var bit = 0; bit < 64; bit++)
            {
                if (owners[bit] < 0)
                {
                    reasons.Add($"bit {bit} has no owner in configuration 0x{configuration:x}");
                }
            }

            foreach (var role in fixupRoles.Where(role => !roleHolders.ContainsKey(role)))
            {
                reasons.Add($"the L{spec.Level} fixup needs role {role}, which no claim holds in configuration 0x{configuration:x}");
            }

            ownership.Add(new ConfigurationOwnership(configuration, masks[0], masks[1], masks[2]));
        }

        // The hook is judged against a layout that is otherwise valid (only then is it known whether one is generated).
        if (reasons.Count == 0)
        {
            var warns = spec.WarnWhen is { } text ? !string.IsNullOrWhiteSpace(text) : switches.Any(m => m.Name == "Debug");
            JudgeHook(spec.Declaration.Hook, generatesHook: spec.Level == 1 && fixupRoles.Length > 0 && warns, reasons);
        }

        var valid = reasons.Count == 0 && userErrors.Count == 0;
        return new Verdict(valid, reasons, valid ? ownership : null, userErrors, userWarnings);
    }

    /// <summary>
    /// The layout type (PTE001-PTE003): a partial, non-generic struct (not a record or ref struct), not file-local, in
    /// partial containing types that are not file-local; and a switches type at least as visible as the layout.
    /// </summary>
    private static void JudgeDeclaration(LayoutSpec spec, List<string> reasons, List<string> userWarnings)
    {
        var declaration = spec.Declaration;
        switch (declaration.Kind)
        {
            case LayoutKind.Class: reasons.Add("the layout is a class"); break;
            case LayoutKind.RecordClass: reasons.Add("the layout is a record class"); break;
            case LayoutKind.RecordStruct: reasons.Add("the layout is a record struct"); break;
            case LayoutKind.RefStruct: reasons.Add("the layout is a ref struct"); break;
        }

        if (!declaration.IsPartial)
        {
            reasons.Add("the layout is not partial");
        }

        if (declaration.IsFileLocal && spec.Nesting.IsEmpty)
        {
            reasons.Add("the layout is file-local, so another file cannot add to it");
        }

        if (spec.FileLocalContainer && !spec.Nesting.IsEmpty)
        {
            reasons.Add("the layout is nested in a file-local type, which another file cannot add to");
        }

        if (declaration.IsGeneric || spec.Nesting.Any(c => c.IsGeneric))
        {
            reasons.Add("the layout is generic or nested in a generic type");
        }

        if (spec.Nesting.Any(c => !c.IsPartial))
        {
            reasons.Add("the layout is nested in a type that is not partial");
        }

        // IsValid(Cfg), HardwareBits(Cfg) ... are public members of the layout: an internal switches enum cannot be
        // their parameter type when the layout is visible outside the assembly. That is the user's mistake, to be
        // told at the layout, never a compiler error in the generated file.
        if (spec.SwitchesReference == SwitchesReference.Declared && spec.Switches.IsInternal && SwitchesOf(spec.Switches, []).Length > 0
            && IsVisibleOutsideTheAssembly(spec))
        {
            reasons.Add("the switches enum is internal, but the layout, whose members take it, is visible outside the assembly");
        }

        if (declaration.IsNew && !spec.Nesting.IsEmpty)
        {
            userWarnings.Add("CS0109"); // 'new' hides nothing
        }
    }

    /// <summary>Whether the layout and every type around it can be seen from another assembly.</summary>
    private static bool IsVisibleOutsideTheAssembly(LayoutSpec spec)
    {
        var accessibility = spec.Declaration.Accessibility;
        var layoutVisible = accessibility is "public" or "protected" or "protected internal"
            || (accessibility.Length == 0 && spec.Nesting.Length > 0 && spec.Nesting[^1].Kind == ContainerKind.Interface);
        return layoutVisible && spec.Nesting.All(c => c.Accessibility == "public") && !spec.FileLocalContainer;
    }

    /// <summary>The compiler's own findings about a claim's declaration, which PteGen leaves to the compiler.</summary>
    private static void JudgeClaimDeclaration(LayoutSpec spec, Claim claim, List<string> userErrors, List<string> userWarnings)
    {
        if (claim.Type.Kind == FieldTypeKind.Unresolved)
        {
            userErrors.Add(claim.Type.Code.StartsWith("global::", StringComparison.Ordinal) ? "CS0400" : "CS0246");
        }

        var unsafeContext = claim.Modifiers.HasFlag(ClaimModifiers.Unsafe) || spec.Declaration.IsUnsafe || spec.Nesting.Any(c => c.IsUnsafe);
        if (claim.Type.IsPointer && !unsafeContext)
        {
            userErrors.Add("CS0214");
        }

        if (claim.Modifiers.HasFlag(ClaimModifiers.Readonly) && spec.Declaration.IsClass)
        {
            userErrors.Add("CS0106"); // no readonly members in a class
        }

        // A property named GetType hides object.GetType(): 'new' says so; elsewhere 'new' hides nothing.
        var hides = claim.PlainName == "GetType" && claim.Shape != PropertyShape.Indexer;
        if (claim.Modifiers.HasFlag(ClaimModifiers.New) != hides)
        {
            userWarnings.Add(hides ? "CS0108" : "CS0109");
        }
    }

    /// <summary>
    /// PTE020 and PTE026: a method named like the hook must pair with the one PteGen generates (a static partial void
    /// method, private, taking the layout), which exists only for a level-1 fixup that warns.
    /// </summary>
    private static void JudgeHook(HookShape hook, bool generatesHook, List<string> reasons)
    {
        switch (hook)
        {
            case HookShape.Implementation or HookShape.ImplementationRenamed or HookShape.ImplementationExplicitlyPrivate when !generatesHook:
                reasons.Add("it implements OnGlobalKernelPage, but PteGen generates no hook for the layout");
                break;
            case HookShape.ImplementationOtherParameter or HookShape.ImplementationInstance or HookShape.ImplementationPublic
                or HookShape.ImplementationIn or HookShape.ImplementationReturningInt or HookShape.ImplementationGeneric or HookShape.TwoImplementations:
                reasons.Add("it implements an OnGlobalKernelPage whose signature is not the generated hook's");
                break;
            case HookShape.NotPartial or HookShape.Definition or HookShape.DefinitionAndImplementation when generatesHook:
                reasons.Add("it declares an OnGlobalKernelPage that conflicts with the generated hook");
                break;
        }
    }

    /// <summary>The roles Xen's adjust_guest_l?e reads or writes (docs/xen-pv-abi.md §1).</summary>
    public static int[] FixupRoles(int level) => level switch
    {
        1 => [RolePresent, RoleUser, RoleGlobal, RoleGuestKernel],
        2 => [RolePresent, RoleUser],
        3 => [RolePresent, RoleUser, RoleWritable],
        _ => [RolePresent, RoleUser, RoleAccessed],
    };

    /// <summary>Every combination of switches with at most one switch of each exclusive group.</summary>
    public static List<ulong> ValidConfigurations(ImmutableArray<SwitchMember> switches, IReadOnlyList<ulong> groups)
    {
        var result = new List<ulong>();
        for (var subset = 0; subset < 1 << Math.Min(switches.Length, MaxSwitches); subset++)
        {
            ulong configuration = 0;
            for (var index = 0; index < switches.Length; index++)
            {
                if ((subset & (1 << index)) != 0)
                {
                    configuration |= switches[index].Value;
                }
            }

            if (groups.All(group => ulong.PopCount(configuration & group) <= 1))
            {
                result.Add(configuration);
            }
        }

        return result;
    }

    /// <summary>
    /// The switches of the enum, in declaration order: its single-bit members, a negative one read by its bits in the
    /// underlying type (<c>int.MinValue</c> is bit 31), and a later member with the bit of an earlier one an alias of it.
    /// Every other member must be zero or a combination of switches (PTE015).
    /// </summary>
    private static ImmutableArray<SwitchMember> SwitchesOf(SwitchSpec spec, List<string> reasons)
    {
        var switches = spec.Members.ToBuilder();
        var bits = spec.Members.Aggregate(0UL, (all, member) => all | member.Value);
        foreach (var member in spec.ExpressionMembers.Where(m => m.IsSingleBit && (m.Bits & bits) == 0))
        {
            switches.Add(new SwitchMember(member.Name, member.Name, member.Bits));
            bits |= member.Bits;
        }

        foreach (var member in spec.ExpressionMembers.Where(m => (m.Bits & ~bits) != 0))
        {
            reasons.Add($"the switches enum's member {member.Name} = {member.Code} has a bit that is no switch");
        }

        return switches.ToImmutable();
    }

    /// <summary>A [MutuallyExclusive] names switches: every argument must be a single-bit member of the enum.</summary>
    private static (ulong Mask, string? Problem) JudgeExclusiveGroup(SwitchSpec spec, ImmutableArray<SwitchMember> switches, ExclusiveGroup group)
    {
        if (group.NullArray)
        {
            return (0, "is given null instead of switches");
        }

        ulong mask = 0;
        string? problem = null;
        foreach (var argument in group.Arguments)
        {
            switch (argument.Kind)
            {
                case ExclusiveArgumentKind.Member:
                    mask |= spec.Members[(int)argument.Value].Value;
                    break;
                case ExclusiveArgumentKind.Expression when spec.ExpressionMembers[(int)argument.Value].IsSingleBit:
                    mask |= spec.ExpressionMembers[(int)argument.Value].Bits; // a switch, or an alias of one
                    break;
                case ExclusiveArgumentKind.Cast when switches.Any(m => m.Value == argument.Value):
                    mask |= argument.Value; // (Cfg)4 is the switch whose value is 4.
                    break;
                case ExclusiveArgumentKind.Cast:
                    problem ??= $"names (Cfg){argument.Value}, which is not a switch";
                    break;
                case ExclusiveArgumentKind.Composite:
                    problem ??= "names a composite member, which is not a switch";
                    break;
                case ExclusiveArgumentKind.Zero:
                    problem ??= "names the zero member, which is not a switch";
                    break;
                case ExclusiveArgumentKind.IntLiteral:
                    problem ??= "names an int, not a member of the enum";
                    break;
                case ExclusiveArgumentKind.Expression:
                    problem ??= "names a member of several bits, which is not a switch";
                    break;
                default:
                    problem ??= "names null";
                    break;
            }
        }

        return (mask, problem);
    }

    /// <summary>§3: bool for one bit; an unsigned integer or an enum wide enough for wider fields.</summary>
    private static string? TypeProblem(FieldType type, int width) => type.Kind switch
    {
        FieldTypeKind.Bool => width == 1 ? null : $"bool cannot hold {width} bits",
        FieldTypeKind.Unsigned or FieldTypeKind.Enum => width <= type.ValueBits ? null : $"{type.Code} holds {type.ValueBits} value bits, not {width}",
        FieldTypeKind.Signed => $"{type.Code} is a signed integer",
        _ => $"{type.Code} is neither bool, an unsigned integer nor an enum",
    };

    private static HashSet<string> ReservedNames(LayoutSpec spec, bool hasSwitches)
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "Raw", "Descriptor", "Equals", "GetHashCode", "ToString", "GuestWriteViolations",
            "FixedHardwareBits", "FixedXenReservedBits", "FixedGuestAvailableBits", "FixedGuestRefusedBits", "ConfigurationDependentBits",
            "__raw", "__ValueOutOfRange", "__InvalidConfiguration", "__PteGenDescriptor", "__Format",
        };
        if (hasSwitches)
        {
            names.UnionWith(["HardwareBits", "XenReservedBits", "GuestAvailableBits", "GuestRefusedBits", "IsValid"]);
        }

        // The level's fixup (AdjustGuestL1e ...) and, with relocatable claims, per-domain negotiation.
        if (spec.Level is >= 1 and <= 4)
        {
            names.UnionWith([$"AdjustGuestL{spec.Level}e", $"__AdjustGuestL{spec.Level}e"]);
        }

        if (spec.Claims.Any(c => c.Owner == Owner.XenReserved && c.Relocatable == true))
        {
            names.UnionWith(["Negotiation", "Negotiate", "__PickBit", "__FailedNegotiation"]);
        }

        foreach (var claim in spec.Claims)
        {
            names.UnionWith([claim.PlainName + "Mask", claim.PlainName + "Shift", claim.PlainName + "Width", "With" + claim.PlainName]);
        }

        return names;
    }
}

/// <summary>The oracle's verdict: valid or not, why not, and for a valid layout the owners of every configuration.</summary>
/// <param name="IsValid">Whether PteGen must generate the layout's full API, with no diagnostic.</param>
/// <param name="Reasons">Why not: the rules of PteGen the layout breaks (they must give it a PTE0xx error).</param>
/// <param name="Ownership">For a valid layout, the owners of its bits in each valid configuration.</param>
/// <param name="UserErrors">Compiler errors the user's own declaration has whatever PteGen does (a claim type that does not resolve).</param>
/// <param name="UserWarnings">Compiler warnings about the user's own declaration (<c>new</c> that hides nothing).</param>
internal sealed record Verdict(
    bool IsValid,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ConfigurationOwnership>? Ownership,
    IReadOnlyList<string> UserErrors,
    IReadOnlyList<string> UserWarnings)
{
    /// <summary>Whether PteGen's rules alone make the layout invalid (it may have compiler errors of its own besides).</summary>
    public bool BreaksPteGenRules => Reasons.Count > 0;

    /// <summary>The bits <paramref name="owner"/> holds in every valid configuration (what the Fixed…Bits constants are).</summary>
    public ulong FixedBits(Owner owner) =>
        Ownership!.Aggregate(ulong.MaxValue, (bits, o) => bits & owner switch
        {
            Owner.Hardware => o.Hardware,
            Owner.XenReserved => o.XenReserved,
            _ => o.GuestAvailable,
        });
}

internal sealed record ConfigurationOwnership(ulong Configuration, ulong Hardware, ulong XenReserved, ulong GuestAvailable);

/// <summary>A parsed condition.</summary>
internal abstract record Condition
{
    public abstract bool Holds(ulong configuration);

    /// <summary>A text equal for equal conditions (the same operands in the same order), to find repeated operands.</summary>
    public abstract string Key { get; }

    /// <summary>How many switch names the condition has.</summary>
    public abstract int NameCount { get; }
}

internal sealed record SwitchIs(ulong Value) : Condition
{
    public override bool Holds(ulong configuration) => (configuration & Value) != 0;

    public override string Key => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override int NameCount => 1;
}

internal sealed record Negation(Condition Operand) : Condition
{
    public override bool Holds(ulong configuration) => !Operand.Holds(configuration);

    public override string Key { get; } = "!" + Operand.Key;

    public override int NameCount => Operand.NameCount;
}

/// <summary>A chain of operands joined by one operator (kept flat, so a long chain needs no deep recursion).</summary>
internal sealed record Chain(bool IsAnd, ImmutableArray<Condition> Operands) : Condition
{
    public override bool Holds(ulong configuration) =>
        IsAnd ? Operands.All(o => o.Holds(configuration)) : Operands.Any(o => o.Holds(configuration));

    public override string Key { get; } = (IsAnd ? "&(" : "|(") + string.Join(",", Operands.Select(o => o.Key)) + ")";

    public override int NameCount { get; } = Operands.Sum(o => o.NameCount);
}

/// <summary>
/// Reads a <c>When</c> condition by the rule of §3: switch names combined with <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and
/// parentheses (C# precedence: <c>!</c>, then <c>&amp;&amp;</c>, then <c>||</c>), whitespace between tokens; names are
/// C# identifiers made of letters, digits and underscores (not starting with a digit) and must be switches, matched
/// case-sensitively. Empty or blank text means "always". The README's limits apply: at most
/// <see cref="LayoutOracle.MaxConditionNesting"/> levels of <c>!</c> and <c>(</c>, and at most
/// <see cref="LayoutOracle.MaxConditionOperands"/> switch names once repeats within a chain are dropped.
/// </summary>
internal sealed class ConditionReader
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, ulong> _switches;
    private int _position;
    private int _depth;

    private ConditionReader(string text, IReadOnlyDictionary<string, ulong> switches)
    {
        _text = text;
        _switches = switches;
    }

    /// <summary>The condition, or null for "always" or when <paramref name="problem"/> is set.</summary>
    public static Condition? Read(string text, IReadOnlyDictionary<string, ulong> switches, out string? problem)
    {
        problem = null;
        if (text.All(char.IsWhiteSpace))
        {
            return null;
        }

        var reader = new ConditionReader(text, switches);
        try
        {
            var condition = reader.Or();
            reader.SkipSpace();
            if (reader._position != text.Length)
            {
                throw new FormatException($"has '{text[reader._position]}' where the condition should end");
            }

            return condition.NameCount > LayoutOracle.MaxConditionOperands
                ? throw new FormatException($"has more than {LayoutOracle.MaxConditionOperands} switch names (an operand repeated in its chain counted once)")
                : condition;
        }
        catch (FormatException error)
        {
            problem = error.Message;
            return null;
        }
    }

    private Condition Or()
    {
        var chain = new ChainBuilder(isAnd: false);
        chain.Add(And());
        while (Accept("||"))
        {
            chain.Add(And());
        }

        return chain.Build();
    }

    private Condition And()
    {
        var chain = new ChainBuilder(isAnd: true);
        chain.Add(Unary());
        while (Accept("&&"))
        {
            chain.Add(Unary());
        }

        return chain.Build();
    }

    private Condition Unary()
    {
        if (++_depth > LayoutOracle.MaxConditionNesting)
        {
            throw new FormatException($"nests more than {LayoutOracle.MaxConditionNesting} levels deep");
        }

        try
        {
            SkipSpace();
            if (_position == _text.Length)
            {
                throw new FormatException("ends where an operand is expected");
            }

            var c = _text[_position];
            if (c == '!')
            {
                _position++;
                var operand = Unary();
                return operand is Negation negation ? negation.Operand : new Negation(operand); // !!x is x
            }

            if (c == '(')
            {
                _position++;
                var inner = Or();
                if (!Accept(")"))
                {
                    throw new FormatException("has a '(' without its ')'");
                }

                return inner;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = _position;
                while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
                {
                    _position++;
                }

                var name = _text[start.._position];
                return _switches.TryGetValue(name, out var value)
                    ? new SwitchIs(value)
                    : throw new FormatException($"names '{name}', which is not a switch");
            }

            throw new FormatException($"has '{c}' where an operand is expected");
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>The operands of one chain: a parenthesized chain of the same operator joins it, and a repeated operand counts once.</summary>
    private sealed class ChainBuilder(bool isAnd)
    {
        private readonly ImmutableArray<Condition>.Builder _operands = ImmutableArray.CreateBuilder<Condition>();
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public void Add(Condition operand)
        {
            foreach (var item in operand is Chain chain && chain.IsAnd == isAnd ? chain.Operands : [operand])
            {
                if (_keys.Add(item.Key))
                {
                    _operands.Add(item);
                }
            }
        }

        public Condition Build() => _operands.Count == 1 ? _operands[0] : new Chain(isAnd, _operands.ToImmutable());
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }
}
