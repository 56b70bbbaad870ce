using System.Collections.Immutable;
using CsCheck;

namespace PteGen.Tests.Robustness;

// Mutations: one or two random changes to a designed layout, any of which may make it invalid (or leave it valid).
internal sealed partial class LayoutGenerators
{
    private PropertyShape[] ClaimShapeMutations =>
    [
        PropertyShape.Setter, PropertyShape.Init, PropertyShape.Static, PropertyShape.NotPartial, PropertyShape.NoOwnership,
        PropertyShape.TwoOwnerships, PropertyShape.ImplementedByUser, .. options.KnownBugShapes ? [PropertyShape.Indexer, PropertyShape.ReturnsByRef] : Array.Empty<PropertyShape>(),
    ];

    private HookShape[] HookMutations =>
    [
        HookShape.None, HookShape.Implementation, HookShape.ImplementationRenamed, HookShape.ImplementationOtherParameter,
        HookShape.ImplementationInstance, HookShape.ImplementationPublic, HookShape.ImplementationIn, HookShape.ImplementationReturningInt,
        HookShape.NotPartial, HookShape.Definition, HookShape.DefinitionAndImplementation,
        .. options.KnownBugShapes ? [HookShape.ImplementationGeneric, HookShape.TwoImplementations, HookShape.ImplementationExplicitlyPrivate] : Array.Empty<HookShape>(),
    ];

    /// <summary>A switch of the layout to fill a long chain with (any name when it has none: the chain is then wrong anyway).</summary>
    private static string SomeSwitchName(LayoutSpec spec, int choice) =>
        spec.Switches.Members.IsEmpty ? "A" : spec.Switches.Members[choice % spec.Switches.Members.Length].Name;

    public Gen<LayoutSpec> Mutated =>
        from spec in Designed
        from twice in Pick((3, Const(false)), (1, Const(true)))
        from once in Mutation(spec)
        from result in twice ? Mutation(once) : Const(once)
        select result;

    /// <summary>Designed layouts and mutated ones, about half and half.</summary>
    public Gen<LayoutSpec> Layouts => Pick((1, Designed), (1, Mutated));

    private static LayoutSpec WithClaim(LayoutSpec spec, int index, Func<Claim, Claim> change) =>
        spec with { Claims = spec.Claims.SetItem(index, change(spec.Claims[index])) };

    private static string FreshName(LayoutSpec spec, string stem)
    {
        for (var suffix = 0; ; suffix++)
        {
            var name = stem + suffix;
            if (spec.Claims.All(c => c.PlainName != name))
            {
                return name;
            }
        }
    }

    private static readonly Gen<int> BitNumbers = Pick(
        (8, Gen.Int[0, 63]),
        (1, Gen.OneOf(-1, 64, 65, -64, int.MaxValue, int.MinValue)));

    private static readonly Gen<FieldType> AnyType = Gen.OneOf(
        [FieldType.Bool, .. FieldType.Unsigned, .. FieldType.Enums, .. FieldType.Signed, .. FieldType.Others]);

    private static readonly Gen<LayoutKind> NonStructKinds = Gen.OneOf(LayoutKind.RecordStruct, LayoutKind.RefStruct, LayoutKind.Class, LayoutKind.RecordClass);

    private Gen<LayoutSpec> Mutation(LayoutSpec spec)
    {
        var claimCount = spec.Claims.Length;
        if (claimCount == 0)
        {
            return AddClaim(spec);
        }

        var index = Gen.Int[0, claimCount - 1];
        var names = spec.Switches.Members.Select(m => m.Name).ToArray();
        var hasSwitches = spec.SwitchesReference == SwitchesReference.Declared && spec.Switches.Members.Length > 0;

        var mutations = new List<(int, Gen<LayoutSpec>)>
        {
            // A new range: out of 0..63, inverted, or anywhere (overlaps and gaps).
            (4, from i in index
                from low in BitNumbers
                from high in BitNumbers
                from one in Pick((4, Const(false)), (1, Const(true)))
                select WithClaim(spec, i, c => c with { Low = low, High = high, OneArgument = one })),

            // A gap.
            (2, index.Select(i => spec with { Claims = spec.Claims.RemoveAt(i) })),

            // An overlap: the same claim twice (a plain property, so that two indexers are not the compiler's error).
            (2, index.Select(i => spec with { Claims = spec.Claims.Add(spec.Claims[i] with { Name = FreshName(spec, "Dup"), Role = null, Shape = PropertyShape.Normal }) })),

            // One bit more on either side.
            (2, from i in index
                from up in Gen.Bool
                select WithClaim(spec, i, c => up
                    ? c with { High = c.EffectiveHigh + 1, OneArgument = false }
                    : c with { Low = c.Low - 1, High = c.EffectiveHigh, OneArgument = false })),

            // Any type: signed integers, bool for several bits, enums or integers too narrow, float, string, ...
            (4, from i in index
                from type in AnyType
                select WithClaim(spec, i, c => c with { Type = type })),

            // A malformed (or, now and then, merely unusual) condition.
            (6, from i in index
                from when in MalformedConditions(names)
                select WithClaim(spec, i, c => c with { When = when })),

            // Any role, or a value that is no role.
            (2, from i in index
                from role in Pick((6, Gen.Int[1, 14]), (1, Gen.OneOf(-1, 15, 99)))
                select WithClaim(spec, i, c => c with { Role = role })),

            // Relocatable and Optional in any combination, on a XenReserved claim.
            (2, from i in index
                from flags in Gen.OneOf<(bool? Relocatable, bool? Optional)>((null, true), (false, true), (true, true), (true, null), (true, false))
                select WithClaim(spec, i, c => c with { Owner = Owner.XenReserved, Relocatable = flags.Relocatable, Optional = flags.Optional })),

            // A GuestWrite value, maybe not a GuestWrite.
            (1, from i in index
                from guestWrite in Gen.OneOf(3, -1, 7, 0, 1, 2)
                select WithClaim(spec, i, c => c with { GuestWrite = guestWrite })),

            // Another owner (roles and options may no longer fit).
            (2, from i in index
                from owner in Gen.Int[0, 2]
                select WithClaim(spec, i, c => c with { Owner = (Owner)owner })),

            // Another level: none, one whose fixup needs roles the layout may not have, or one that is no paging level.
            (2, Gen.OneOf(5, -1, 100, int.MinValue, 0, 1, 2, 3, 4).Select(level => spec with { Level = level })),

            // The fixup switched on or off.
            (1, Gen.OneOf<bool?>(null, true, false).Select(adjustGuest => spec with { AdjustGuest = adjustGuest })),

            // A malformed (or unusual) WarnWhen condition.
            (2, MalformedConditions(names).Select(warnWhen => spec with { WarnWhen = warnWhen })),

            // A property that is not a layout property (readonly dropped where C# itself would refuse it).
            (3, from i in index
                from shape in Gen.OneOf(ClaimShapeMutations)
                select WithClaim(spec, i, c => c with
                {
                    Shape = shape,
                    Modifiers = shape is PropertyShape.Setter or PropertyShape.Init or PropertyShape.Static ? c.Modifiers & ~ClaimModifiers.Readonly : c.Modifiers,
                })),

            // Another accessibility, other modifiers, other attributes and comments.
            (1, from i in index
                from accessibility in Gen.Int[0, 99]
                select WithClaim(spec, i, c => c with { Accessibility = ClaimAccessibility(accessibility) })),
            (1, from i in index
                from modifiers in Gen.Int[0, 7]
                select WithClaim(spec, i, c => c with
                {
                    Modifiers = c.Shape is PropertyShape.Setter or PropertyShape.Init or PropertyShape.Static ? (ClaimModifiers)modifiers & ~ClaimModifiers.Readonly : (ClaimModifiers)modifiers,
                })),
            (1, from i in index
                from decorations in Gen.Int[0, 15]
                select WithClaim(spec, i, c => c with { Decorations = (ClaimDecorations)decorations })),

            // A claim type that does not resolve, or a pointer type in an unsafe context.
            (1, from i in index
                from type in Gen.OneOf(FieldType.Unresolved.ToArray())
                select WithClaim(spec, i, c => c with { Type = type })),
            (1, from i in index
                from type in Gen.OneOf(FieldType.Pointers.ToArray())
                from context in Gen.Int[0, options.KnownBugShapes ? 2 : 0]
                select context switch
                {
                    0 => WithClaim(spec, i, c => c with { Type = type, Modifiers = c.Modifiers | ClaimModifiers.Unsafe }),
                    1 => WithClaim(spec with { Declaration = spec.Declaration with { IsUnsafe = true } }, i, c => c with { Type = type, Modifiers = c.Modifiers & ~ClaimModifiers.Unsafe }),
                    _ => WithClaim(spec with { Containers = [new Container(ContainerKind.Class, IsUnsafe: true), .. spec.Nesting] }, i, c => c with { Type = type, Modifiers = c.Modifiers & ~ClaimModifiers.Unsafe }),
                }),

            // Two claims whose names differ only in case.
            (1, from i in index
                from j in index
                let other = spec.Claims[j].PlainName
                let name = other.ToUpperInvariant() != other ? other.ToUpperInvariant() : other.ToLowerInvariant()
                select i == j || spec.Claims.Any(c => c.PlainName == name) || name == spec.PlainTypeName ? spec : WithClaim(spec, i, c => c with { Name = name })),

            // A long condition: a chain of tens to thousands of terms that means the claim's condition, or one broken in one place.
            (2, from i in index
                from kind in Pick((3, Const(ChainKind.And)), (3, Const(ChainKind.Or)), (1, Const(ChainKind.UnknownName)), (1, Const(ChainKind.SingleOperator)), (1, Const(ChainKind.TooDeep)))
                from terms in ChainTerms
                from parentheses in Gen.Int[0, 25]
                from position in Gen.Int[0, 1_000_000]
                select WithClaim(spec, i, c => c with { When = LongCondition(c.When, SomeSwitchName(spec, position), kind, terms, parentheses, position) })),
            (1, from kind in Pick((3, Const(ChainKind.And)), (3, Const(ChainKind.Or)), (1, Const(ChainKind.UnknownName)))
                from terms in ChainTerms
                from position in Gen.Int[0, 1_000_000]
                select spec with { WarnWhen = LongCondition(string.IsNullOrWhiteSpace(spec.WarnWhen) ? null : spec.WarnWhen, SomeSwitchName(spec, position), kind, terms, 0, position) }),

            // A type PteGen cannot complete or that is no struct: a record, ref struct or class, not partial, generic, file-local.
            (2, NonStructKinds.Select(kind => spec with { Declaration = spec.Declaration with { Kind = kind } })),
            (1, Const(spec with { Declaration = spec.Declaration with { IsPartial = false } })),
            (1, Const(spec with { Declaration = spec.Declaration with { IsGeneric = true } })),
            (1, Const(spec.Nesting.IsEmpty ? spec with { Declaration = spec.Declaration with { IsFileLocal = true } } : spec with { FileLocalContainer = true })),

            // Another type around it (outermost, so the layout's own accessibility stays legal), maybe not partial or generic.
            (2, from kind in Gen.OneOf(ContainerKinds)
                from partial in Pick((1, Const(true)), (1, Const(false)))
                from generic in Pick((2, Const(false)), (1, Const(true)))
                from isInternal in Gen.Bool
                select spec with { Containers = [new Container(kind, partial, generic, isInternal ? "internal" : "public"), .. spec.Nesting] }),

            // Any method named like the hook.
            (2, Gen.OneOf(HookMutations).Select(hook => spec with { Declaration = spec.Declaration with { Hook = hook } })),

            // A twin named in another case, in the same namespace.
            (1, Const(spec.PlainTypeName is "Entry" or "L1e" or "Pte" or "struct" ? spec with { CaseTwin = true } : spec)),

            // An internal switches enum (a mistake only when the layout is visible outside the assembly).
            (1, Const(options.KnownBugShapes || !IsVisibleOutsideTheAssembly(spec.Declaration, spec.Nesting) ? spec with { Switches = spec.Switches with { IsInternal = true } } : spec)),

            // A property named like a member PteGen generates.
            (3, from i in index
                from j in index
                from kind in Gen.Int[0, 4]
                from fixedName in Gen.OneOf([.. GeneratedMemberNames, .. ConditionalMemberNames(spec)])
                let other = spec.Claims[j].PlainName
                let name = kind switch { 0 => other + "Mask", 1 => other + "Shift", 2 => other + "Width", 3 => "With" + other, _ => fixedName }
                select spec.Claims.Any(c => c.PlainName == name) || name == spec.PlainTypeName ? spec : WithClaim(spec, i, c => c with { Name = name })),

            // The switches type is not a [PteSwitches] enum.
            (1, Gen.OneOf(SwitchesReference.Int, SwitchesReference.String, SwitchesReference.DeclaredWithoutPteSwitches)
                .Select(reference => spec with { SwitchesReference = reference })),

            // Claims in another order (changes nothing).
            (1, Gen.Shuffle(spec.Claims.ToArray()).Select(claims => spec with { Claims = [.. claims] })),

            // Another claim, anywhere, under any condition.
            (2, AddClaim(spec)),
        };

        if (spec.SwitchesReference == SwitchesReference.Declared && spec.Switches.ExpressionMembers.All(m => m.Name != "Other"))
        {
            // A member written as an expression, maybe with a bit that is no switch (PTE015), maybe a switch (int.MinValue).
            mutations.Add((1, AnyExpression(spec.Switches.Underlying).Select(member => spec with { Switches = spec.Switches with { Expressions = spec.Switches.ExpressionMembers.Add(member) } })));
        }

        if (!spec.Switches.ExpressionMembers.IsEmpty)
        {
            // A condition naming a member written as an expression: a switch if it has one bit, else no switch.
            mutations.Add((1, from i in index
                from alone in Gen.Bool
                let name = spec.Switches.ExpressionMembers[0].Name
                select WithClaim(spec, i, c => c with { When = alone || c.When is null ? name : $"({c.When}) && !{name}" })));
        }

        if (hasSwitches)
        {
            // [MutuallyExclusive] naming something that is not a switch (or nothing at all).
            mutations.Add((3, from kind in Gen.Int[0, 7]
                from value in Gen.OneOf(0UL, 1UL, 2UL, 3UL, 4UL, 8UL, 64UL)
                from member in Gen.Int[0, spec.Switches.Members.Length - 1]
                select spec with { Switches = spec.Switches with { Groups = spec.Switches.Groups.Add(BadGroup(spec.Switches, kind, value, member)) } }));

            // A claim that overlaps others only under a condition no valid configuration satisfies.
            mutations.Add((2, from i in Gen.Int[0, spec.Switches.Members.Length - 1]
                from low in Gen.Int[0, 63]
                from style in Gen.Int[0, 3]
                select spec with { Claims = spec.Claims.Add(NeverClaim(spec, i, low, style)) }));
        }

        return Pick([.. mutations]);
    }

    /// <summary>Names PteGen generates for this layout only: its fixup, and negotiation for relocatable claims.</summary>
    private static IEnumerable<string> ConditionalMemberNames(LayoutSpec spec) =>
        (spec.Level is >= 1 and <= 4 ? [$"AdjustGuestL{spec.Level}e"] : Array.Empty<string>())
            .Concat(spec.Claims.Any(c => c.Owner == Owner.XenReserved && c.Relocatable == true) ? ["Negotiation", "Negotiate"] : Array.Empty<string>());

    private static ExclusiveGroup BadGroup(SwitchSpec switches, int kind, ulong value, int member)
    {
        var valid = new ExclusiveArgument(ExclusiveArgumentKind.Member, (ulong)member);
        return kind switch
        {
            0 when switches.HasComposite => new ExclusiveGroup([valid, new ExclusiveArgument(ExclusiveArgumentKind.Composite, 0)]),
            1 when switches.ZeroName is not null => new ExclusiveGroup([new ExclusiveArgument(ExclusiveArgumentKind.Zero, 0), valid]),
            2 => new ExclusiveGroup([valid, new ExclusiveArgument(ExclusiveArgumentKind.IntLiteral, value)]),
            3 => new ExclusiveGroup([new ExclusiveArgument(ExclusiveArgumentKind.Cast, value), valid]),
            4 => new ExclusiveGroup([valid, new ExclusiveArgument(ExclusiveArgumentKind.NullElement, 0)]),
            5 => new ExclusiveGroup([], NullArray: true),
            6 when !switches.ExpressionMembers.IsEmpty => new ExclusiveGroup([valid, new ExclusiveArgument(ExclusiveArgumentKind.Expression, 0)]),
            _ => new ExclusiveGroup([]), // [MutuallyExclusive] with no switches: legal, rules nothing out.
        };
    }

    /// <summary>A claim whose condition holds in no valid configuration: <c>X &amp;&amp; !X</c>, or two exclusive switches.</summary>
    private static Claim NeverClaim(LayoutSpec spec, int switchIndex, int low, int style)
    {
        var switches = spec.Switches;
        var name = switches.Members[switchIndex].Name;
        var exclusive = switches.Groups
            .Where(g => !g.NullArray && g.Arguments.All(a => a.Kind == ExclusiveArgumentKind.Member))
            .Select(g => g.Arguments.Select(a => (int)a.Value).Distinct().ToList())
            .FirstOrDefault(g => g.Count >= 2);
        var when = exclusive is not null && style >= 2
            ? $"{switches.Members[exclusive[0]].Name} && {switches.Members[exclusive[1]].Name}"
            : style % 2 == 0 ? $"{name} && !{name}" : $"!({name} || !{name})";
        var high = Math.Min(63, low + style);
        return new Claim(FreshName(spec, "Never"), Owner.GuestAvailable, low, high, false, high == low ? FieldType.Bool : FieldType.Unsigned[0], when, null, null, null, null, PropertyShape.Normal);
    }

    private static Gen<LayoutSpec> AddClaim(LayoutSpec spec) =>
        from low in Gen.Int[0, 63]
        from width in Gen.Int[1, 8]
        from owner in Gen.Int[0, 2]
        from condition in spec.Switches.Members.Length > 0 ? Conditions(spec.Switches.Members.Length, 2).Select(c => (Cond?)c) : Const<Cond?>(null)
        let high = Math.Min(63, low + width - 1)
        select spec with
        {
            Claims = spec.Claims.Add(new Claim(
                FreshName(spec, "Extra"),
                (Owner)owner,
                low,
                high,
                false,
                LegalType(high - low + 1, 0),
                condition is null ? null : new ConditionWriter(spec.Switches.Members, 0).Write(condition),
                null,
                null,
                null,
                null,
                PropertyShape.Normal)),
        };
}
