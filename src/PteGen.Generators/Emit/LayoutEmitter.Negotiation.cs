using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    internal const string NegotiationType = "Negotiation";
    internal const string NegotiateMethod = "Negotiate";
    private const string PickMethod = "__PickBit";

    /// <summary>
    /// Per-domain negotiation (Jan Beulich's proposal in the seed discussion): the guest says which software bits it
    /// does not use, and the hypervisor picks, deterministically, a bit for each relocatable claim: required claims
    /// first, then optional ones while bits remain, each preferring its declared (home) bit, else the lowest candidate.
    /// </summary>
    private static void WriteNegotiation(SourceWriter writer, LayoutModel layout)
    {
        var claims = RelocatableClaims(layout);
        if (claims.Count == 0)
        {
            return;
        }

        var switches = layout.Switches;
        var type = switches.TypeName;
        var name = layout.Name;
        writer.Line();
        writer.Line("// Per-domain negotiation: the hypervisor picks its relocatable bits from those the guest does not use.");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The bits the hypervisor took for one domain's relocatable claims: the result of <see cref=\"{NegotiateMethod}\"/>.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode);
        writer.Line($"public readonly struct {NegotiationType} : global::System.IEquatable<{NegotiationType}>");
        using (writer.Block())
        {
            var ctorParameters = new List<string>();
            if (switches.HasSwitches)
            {
                ctorParameters.Add($"{type} configuration");
            }

            ctorParameters.AddRange(claims.Select(c => $"ulong {Local(c)}"));
            ctorParameters.Add("string? failure");
            var active = claims.Select(c => c.When is null || !switches.HasSwitches ? "true" : ConditionExpression(c.When, type, "Configuration")).ToList();
            writer.Line($"internal {NegotiationType}({string.Join(", ", ctorParameters)})");
            using (writer.Block())
            {
                if (switches.HasSwitches)
                {
                    writer.Line("Configuration = configuration;");
                }

                foreach (var claim in claims)
                {
                    writer.Line($"{GeneratedNames.Mask(claim.Name)} = {Local(claim)};");
                    writer.Line($"{NegotiatedShift(claim)} = global::PteGen.PteBits.LowestBit({Local(claim)});");
                }

                writer.Line("Failure = failure;");
                writer.Line("Succeeded = failure is null;");
                if (layout.WarnWhen is not null && switches.HasSwitches)
                {
                    writer.Line($"Warns = failure is null && ({ConditionExpression(layout.WarnWhen, type, "configuration")});");
                }
            }

            if (switches.HasSwitches)
            {
                writer.Line();
                writer.Line("/// <summary>The configuration negotiated for.</summary>");
                writer.Line($"public {type} Configuration {{ get; }}");
                if (layout.WarnWhen is not null)
                {
                    writer.Line();
                    writer.Line($"/// <summary>Whether the fixup reports Xen's debug warning in this configuration (<c>{Literals.Xml(layout.WarnWhenText)}</c>).</summary>");
                    writer.Line("internal bool Warns { get; }");
                }
            }

            writer.Line();
            writer.Line("/// <summary>Whether every required claim got a bit (false for <c>default</c>, which no negotiation produced).</summary>");
            writer.Line("public bool Succeeded { get; }");
            writer.Line();
            writer.Line("/// <summary>Why negotiation failed (a required claim found no bit), or <see langword=\"null\"/>.</summary>");
            writer.Line("public string? Failure { get; }");
            foreach (var claim in claims)
            {
                writer.Line();
                writer.Line(claim.Optional
                    ? $"/// <summary>The bit chosen for <see cref=\"{name}.{claim.Name}\"/> (optional), as a mask; 0 when its feature is off: no bit was left{(claim.When is null ? "" : ", or the configuration has no such claim")}.</summary>"
                    : $"/// <summary>The bit chosen for <see cref=\"{name}.{claim.Name}\"/> (required), as a mask; 0 when negotiation failed{(claim.When is null ? "" : " or the configuration has no such claim")}.</summary>");
                writer.Line($"public ulong {GeneratedNames.Mask(claim.Name)} {{ get; }}");
                writer.Line();
                writer.Line($"/// <summary>The position of that bit, or -1; kept so the fixup need not find it per entry.</summary>");
                writer.Line($"internal int {NegotiatedShift(claim)} {{ get; }}");
            }

            writer.Line();
            writer.Line("/// <summary>Every bit the hypervisor took from the guest.</summary>");
            writer.Line($"public ulong XenBits => {string.Join(" | ", claims.Select(c => GeneratedNames.Mask(c.Name)))};");
            writer.Line();
            writer.Line("/// <summary>The outcome of each relocatable claim, in declaration order.</summary>");
            writer.Line("public global::PteGen.PteNegotiatedClaim[] Claims => new[]");
            writer.Line("{");
            for (var index = 0; index < claims.Count; index++)
            {
                var claim = claims[index];
                writer.Line($"    new global::PteGen.PteNegotiatedClaim({Literals.String(Identifiers.Unescape(claim.Name))}, global::PteGen.PteRole.{claim.Role}, {Literals.Int(claim.Low)}, global::PteGen.PteBits.LowestBit({GeneratedNames.Mask(claim.Name)}), optional: {Literals.Bool(claim.Optional)}, active: {active[index]}),");
            }

            writer.Line("};");
            writer.Line();
            var fields = new List<string>();
            if (switches.HasSwitches)
            {
                fields.Add("Configuration");
            }

            fields.AddRange(claims.Select(c => GeneratedNames.Mask(c.Name)));
            writer.Line("/// <summary>Whether both negotiations chose the same bits for the same configuration.</summary>");
            writer.Line("/// <param name=\"other\">The negotiation to compare with.</param>");
            writer.Line($"public bool Equals({NegotiationType} other) => {string.Join(" && ", fields.Select(f => $"{f} == other.{f}"))} && Succeeded == other.Succeeded && Failure == other.Failure;");
            writer.Line();
            writer.Line("/// <summary>Whether <paramref name=\"obj\"/> is an equal negotiation.</summary>");
            writer.Line("/// <param name=\"obj\">The object to compare with.</param>");
            writer.Line($"public override bool Equals(object? obj) => obj is {NegotiationType} other && Equals(other);");
            writer.Line();
            writer.Line("/// <summary>A hash of the chosen bits.</summary>");
            writer.Line($"public override int GetHashCode() => ({string.Join(" ^ ", claims.Select(c => GeneratedNames.Mask(c.Name)))}).GetHashCode();");
            writer.Line();
            writer.Line("/// <summary>The chosen bits, or the failure.</summary>");
            writer.Line("public override string ToString() =>");
            writer.Line("    !Succeeded ? Failure ?? \"Not negotiated\" : string.Join(\", \", global::System.Linq.Enumerable.Select(Claims, claim => claim.ToString()));");
        }

        WriteNegotiate(writer, layout, claims);
        WriteNegotiatedFixup(writer, layout);
    }

    private static void WriteNegotiate(SourceWriter writer, LayoutModel layout, IReadOnlyList<FieldModel> claims)
    {
        var switches = layout.Switches;
        var type = switches.TypeName;
        var ordered = claims.Where(c => !c.Optional).Concat(claims.Where(c => c.Optional)).ToList();
        var parameters = switches.HasSwitches ? $"ulong guestUnusedBits, {type} configuration" : "ulong guestUnusedBits";
        var guestAvailable = switches.HasSwitches ? $"{GeneratedNames.GuestAvailableBits}(configuration)" : GeneratedNames.FixedGuestAvailableBits;

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Chooses, for one domain, a bit for each relocatable claim from the bits the guest says it does not use (and that");
        writer.Line("/// are guest-available here, or the claim's own declared bit): required claims first, then optional ones while bits");
        writer.Line("/// remain, each taking its declared bit when the guest left it unused, else the lowest remaining candidate. The result is");
        writer.Line("/// deterministic. An optional claim without a bit is switched off; a required one without a bit fails the negotiation.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"guestUnusedBits\">The software bits the guest declares it does not use.</param>");
        if (switches.HasSwitches)
        {
            writer.Line("/// <param name=\"configuration\">A valid configuration (the switches that are on).</param>");
        }

        writer.Line("/// <returns>The chosen bits, or the reason negotiation failed.</returns>");
        writer.Line(GeneratedCode);
        writer.Line($"public static {NegotiationType} {NegotiateMethod}({parameters})");
        using (writer.Block())
        {
            if (switches.HasSwitches)
            {
                writer.Line($"if (!{GeneratedNames.IsValid}(configuration))");
                using (writer.Block())
                {
                    writer.Line($"{GeneratedNames.ThrowInvalidConfiguration}(configuration);");
                }

                writer.Line();
            }

            writer.Line($"var homeBits = {HomeBits(layout, claims)};");
            writer.Line($"var candidates = guestUnusedBits & ({guestAvailable} | homeBits);");
            writer.Line("string? failure = null;");
            foreach (var claim in ordered)
            {
                var local = Local(claim);
                writer.Line();
                writer.Line($"var {local} = 0UL;");
                var active = claim.When is null || !switches.HasSwitches ? null : ConditionExpression(claim.When, type, "configuration");
                if (active is not null)
                {
                    writer.Line($"if ({active})");
                    writer.Line("{");
                    writer.Line($"    {local} = {PickMethod}(ref candidates, {GeneratedNames.Mask(claim.Name)});");
                    if (!claim.Optional)
                    {
                        writer.Line($"    failure ??= {local} == 0 ? {FailureText(claim)} : null;");
                    }

                    writer.Line("}");
                }
                else
                {
                    writer.Line($"{local} = {PickMethod}(ref candidates, {GeneratedNames.Mask(claim.Name)});");
                    if (!claim.Optional)
                    {
                        writer.Line($"failure ??= {local} == 0 ? {FailureText(claim)} : null;");
                    }
                }
            }

            var arguments = new List<string>();
            var failed = new List<string>();
            if (switches.HasSwitches)
            {
                arguments.Add("configuration");
                failed.Add("configuration");
            }

            arguments.AddRange(claims.Select(Local));
            failed.AddRange(claims.Select(_ => "0"));
            arguments.Add("null");
            failed.Add("failure");
            writer.Line();
            writer.Line("return failure is null");
            writer.Line($"    ? new {NegotiationType}({string.Join(", ", arguments)})");
            writer.Line($"    : new {NegotiationType}({string.Join(", ", failed)});");
        }

        writer.Line();
        writer.Line("/// <summary>Takes <paramref name=\"home\"/> if it is a candidate, else the lowest candidate; 0 when none is left.</summary>");
        writer.Line(GeneratedCode);
        writer.Line($"private static ulong {PickMethod}(ref ulong candidates, ulong home)");
        using (writer.Block())
        {
            writer.Line("var pick = (candidates & home) != 0 ? home : candidates & (~candidates + 1);");
            writer.Line("candidates &= ~pick;");
            writer.Line("return pick;");
        }
    }

    /// <summary>The fixup overload that takes negotiated per-domain bits in place of the declared ones.</summary>
    private static void WriteNegotiatedFixup(SourceWriter writer, LayoutModel layout)
    {
        var (plan, _) = FixupPlanner.Plan(layout);
        if (plan is null)
        {
            return;
        }

        var fixup = new FixupShape(layout, plan);
        var type = layout.Switches.TypeName;
        var arguments = fixup.Parameters.Select(p =>
            p.Holder is { Relocatable: true } holder ? $"domain.{NegotiatedShift(holder)}"
            : p.Holder is { } fixedHolder ? GeneratedNames.Shift(fixedHolder.Name)
            : $"{RoleBitHelper(p.Role)}(domain.Configuration)").ToList();
        if (fixup.Warns)
        {
            arguments.Add(layout.Switches.HasSwitches ? "domain.Warns" : "false");
        }

        writer.Line();
        WriteFixupSummary(writer, layout, fixup, "the bits negotiated for one domain (see <see cref=\"" + NegotiateMethod + "\"/>)");
        writer.Line("/// <param name=\"entry\">The entry the guest submitted.</param>");
        writer.Line("/// <param name=\"kind\">The kind of the guest's domain.</param>");
        writer.Line("/// <param name=\"domain\">The domain's negotiated bits; it must have succeeded.</param>");
        writer.Line("/// <returns>The entry Xen installs.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The negotiation failed.</exception>");
        writer.Line(GeneratedCode);
        writer.Line(Inline);
        writer.Line($"public static {layout.Name} {plan.MethodName}({layout.Name} entry, {DomainKind} kind, in {NegotiationType} domain)");
        using (writer.Block())
        {
            // The check comes after the steps (which have no effect but their result): an exit at the end of the body
            // lets the JIT hoist the per-domain values out of a caller's loop, as in the constant version.
            writer.Line($"var adjusted = {fixup.Core}({string.Join(", ", new[] { "entry", "kind" }.Concat(arguments))});");
            writer.Line("if (!domain.Succeeded)");
            using (writer.Block())
            {
                writer.Line("__ThrowFailedNegotiation(domain.Failure);");
            }

            writer.Line();
            writer.Line("return adjusted;");
        }

        WriteBatchOverloads(
            writer,
            layout,
            fixup,
            $"{plan.MethodName}({layout.Name}, {DomainKind}, in {NegotiationType})",
            $", in {NegotiationType} domain",
            ["/// <param name=\"domain\">The domain's negotiated bits; it must have succeeded.</param>",
             "/// <exception cref=\"global::System.ArgumentException\">The negotiation did not succeed.</exception>"],
            ["if (!domain.Succeeded)", "{", "    __ThrowFailedNegotiation(domain.Failure);", "}"],
            arguments);

        writer.Line();
        writer.Line("// Not marked NoInlining: the JIT then sees that it never returns and keeps the fixup's hot path free of the call.");
        writer.Line(GeneratedCode);
        writer.Line("private static void __ThrowFailedNegotiation(string? failure) =>");
        writer.Line("    throw new global::System.ArgumentException(\"The domain's negotiation did not succeed, so its entries cannot be adjusted: \" + (failure ?? \"it was never negotiated (default value)\"), \"domain\");");
    }

    internal static IReadOnlyList<FieldModel> RelocatableClaims(LayoutModel layout) =>
        layout.Fields.Where(f => f.Relocatable && f.Owner == PteOwner.XenReserved && !f.HasErrors).ToList();

    private static string HomeBits(LayoutModel layout, IReadOnlyList<FieldModel> claims)
    {
        var type = layout.Switches.TypeName;
        var always = claims.Where(c => c.When is null || !layout.Switches.HasSwitches).Select(c => GeneratedNames.Mask(c.Name)).ToList();
        var conditional = claims.Where(c => c.When is not null && layout.Switches.HasSwitches)
            .Select(c => $"({ConditionExpression(c.When!, type, "configuration")} ? {GeneratedNames.Mask(c.Name)} : 0UL)");
        var parts = always.Concat(conditional).ToList();
        return string.Join(" | ", parts);
    }

    private static string NegotiatedShift(FieldModel claim) => "__" + GeneratedNames.Shift(claim.Name);

    private static string Local(FieldModel claim)
    {
        var name = Identifiers.Unescape(claim.Name);
        return Identifiers.Escape(char.ToLowerInvariant(name[0]) + name.Substring(1) + "Bit");
    }

    private static string FailureText(FieldModel claim) =>
        $"\"No bit is left for {Identifiers.Unescape(claim.Name)}, which is required: the guest marked \" + global::PteGen.PteBits.Describe(guestUnusedBits) + \" unused, and no candidate (a guest-available bit, or bit {claim.Low}) remained for it.\"";
}
