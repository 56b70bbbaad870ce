using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;
using Member = PteGen.Generators.Model.GeneratedNames.OfNegotiation;
using Parameter = PteGen.Generators.Model.GeneratedNames.Parameters;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    /// <summary>
    /// Per-domain negotiation (Jan Beulich's proposal on xen-devel in January 2016): the guest says which software bits it
    /// does not use, and the hypervisor picks, deterministically, a bit for each relocatable claim: required claims
    /// first, then optional ones while bits remain, each preferring its declared (home) bit, else the lowest candidate.
    /// </summary>
    private static void WriteNegotiation(SourceWriter writer, LayoutModel layout, FixupPlan? plan, ulong? buildConfiguration)
    {
        var claims = RelocatableClaims(layout);
        if (claims.Count == 0)
        {
            return;
        }

        // Decided here once: the constructor and Negotiate pass the chosen bits under these names.
        var locals = GeneratedNames.ClaimParameters(claims.Select(c => c.Name));
        var conditionalRoles = ConditionalNegotiatedRoles(plan);
        var switches = layout.Switches;
        var type = switches.TypeName;
        var name = layout.Name;
        var negotiation = GeneratedNames.Negotiation;
        writer.Line();
        writer.Line("// Per-domain negotiation: the hypervisor picks its relocatable bits from those the guest does not use.");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The bits the hypervisor took for one domain's relocatable claims: the result of <see cref=\"{GeneratedNames.Negotiate}\"/>.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode);
        writer.Line($"public readonly struct {negotiation} : global::System.IEquatable<{negotiation}>");
        using (writer.Block())
        {
            var ctorParameters = new List<string>();
            if (switches.HasSwitches)
            {
                ctorParameters.Add($"{type} configuration");
            }

            ctorParameters.AddRange(locals.Select(local => $"ulong {local}"));
            ctorParameters.Add("string? failure");
            var active = claims.Select(c => c.When is null || !switches.HasSwitches ? "true" : ConditionExpression(c.When, type, Member.Configuration)).ToList();
            writer.Line($"internal {negotiation}({string.Join(", ", ctorParameters)})");
            using (writer.Block())
            {
                if (switches.HasSwitches)
                {
                    writer.Line($"{Member.Configuration} = configuration;");
                }

                for (var index = 0; index < claims.Count; index++)
                {
                    writer.Line($"{Member.Mask(claims[index].Name)} = {locals[index]};");
                    writer.Line($"{Member.Shift(claims[index].Name)} = global::PteGen.PteBits.LowestBit({locals[index]});");
                }

                writer.Line($"{Member.Failure} = failure;");
                writer.Line($"{Member.Succeeded} = failure is null;");
                if (layout.WarnWhen is not null && switches.HasSwitches)
                {
                    writer.Line($"{Member.Warns} = failure is null && ({ConditionExpression(layout.WarnWhen, type, "configuration")});");
                }

                foreach (var role in conditionalRoles)
                {
                    WriteConditionalRoleBit(writer, layout, role);
                }
            }

            if (switches.HasSwitches)
            {
                writer.Line();
                writer.Line("/// <summary>The configuration negotiated for.</summary>");
                writer.Line($"public {type} {Member.Configuration} {{ get; }}");
                if (layout.WarnWhen is not null)
                {
                    writer.Line();
                    writer.Line($"/// <summary>Whether the fixup reports Xen's debug warning in this configuration (<c>{Literals.Xml(layout.WarnWhenText)}</c>).</summary>");
                    writer.Line($"internal bool {Member.Warns} {{ get; }}");
                }
            }

            writer.Line();
            writer.Line("/// <summary>Whether every required claim got a bit (false for <c>default</c>, which no negotiation produced).</summary>");
            writer.Line($"public bool {Member.Succeeded} {{ get; }}");
            writer.Line();
            writer.Line("/// <summary>Why negotiation failed (a required claim found no bit), or <see langword=\"null\"/>.</summary>");
            writer.Line($"public string? {Member.Failure} {{ get; }}");
            foreach (var claim in claims)
            {
                writer.Line();
                writer.Line(claim.Optional
                    ? $"/// <summary>The bit chosen for <see cref=\"{name}.{claim.Name}\"/> (optional), as a mask; 0 when its feature is off: no bit was left{(claim.When is null ? "" : ", or the configuration has no such claim")}.</summary>"
                    : $"/// <summary>The bit chosen for <see cref=\"{name}.{claim.Name}\"/> (required), as a mask; 0 when negotiation failed{(claim.When is null ? "" : " or the configuration has no such claim")}.</summary>");
                writer.Line($"public ulong {Member.Mask(claim.Name)} {{ get; }}");
                writer.Line();
                writer.Line($"/// <summary>The position of that bit, or -1; kept so the fixup need not find it per entry.</summary>");
                writer.Line($"internal int {Member.Shift(claim.Name)} {{ get; }}");
            }

            foreach (var role in conditionalRoles)
            {
                writer.Line();
                writer.Line($"/// <summary>The position of the bit holding role {role.Role} in this configuration, negotiated or declared; kept so the fixup need not find it per entry.</summary>");
                writer.Line($"internal int {Member.RoleBit(role.Role)} {{ get; }}");
            }

            writer.Line();
            writer.Line("/// <summary>Every bit the hypervisor took from the guest.</summary>");
            writer.Line($"public ulong {Member.XenBits} => {string.Join(" | ", claims.Select(c => Member.Mask(c.Name)))};");
            writer.Line();
            writer.Line("/// <summary>The outcome of each relocatable claim, in declaration order.</summary>");
            writer.Line($"public global::PteGen.PteNegotiatedClaim[] {Member.Claims} => new[]");
            writer.Line("{");
            for (var index = 0; index < claims.Count; index++)
            {
                var claim = claims[index];
                writer.Line($"    new global::PteGen.PteNegotiatedClaim({Literals.String(Identifiers.Unescape(claim.Name))}, global::PteGen.PteRole.{claim.Role}, {Literals.Int(claim.Low)}, global::PteGen.PteBits.LowestBit({Member.Mask(claim.Name)}), optional: {Literals.Bool(claim.Optional)}, active: {active[index]}),");
            }

            writer.Line("};");
            writer.Line();
            var fields = new List<string>();
            if (switches.HasSwitches)
            {
                fields.Add(Member.Configuration);
            }

            fields.AddRange(claims.Select(c => Member.Mask(c.Name)));
            var (other, obj) = (Parameter.Other, Parameter.Object);
            writer.Line("/// <summary>Whether both negotiations chose the same bits for the same configuration.</summary>");
            writer.Line($"/// <param name=\"{other}\">The negotiation to compare with.</param>");
            writer.Line($"public bool {GeneratedNames.EqualsMethod}({negotiation} {other}) => {string.Join(" && ", fields.Select(f => $"{f} == {other}.{f}"))} && {Member.Succeeded} == {other}.{Member.Succeeded} && {Member.Failure} == {other}.{Member.Failure};");
            writer.Line();
            writer.Line($"/// <summary>Whether <paramref name=\"{obj}\"/> is an equal negotiation.</summary>");
            writer.Line($"/// <param name=\"{obj}\">The object to compare with.</param>");
            writer.Line($"public override bool {GeneratedNames.EqualsMethod}(object? {obj}) => {obj} is {negotiation} other && {GeneratedNames.EqualsMethod}(other);");
            writer.Line();
            writer.Line("/// <summary>A hash of the chosen bits.</summary>");
            writer.Line($"public override int {GeneratedNames.GetHashCodeMethod}() => ({string.Join(" ^ ", claims.Select(c => Member.Mask(c.Name)))}).GetHashCode();");
            writer.Line();
            writer.Line("/// <summary>The chosen bits, or the failure.</summary>");
            writer.Line($"public override string {GeneratedNames.ToStringMethod}() =>");
            writer.Line($"    !{Member.Succeeded} ? {Member.Failure} ?? \"Not negotiated\" : string.Join(\", \", global::System.Linq.Enumerable.Select({Member.Claims}, claim => claim.ToString()));");
        }

        WriteNegotiate(writer, layout, claims, locals);
        if (plan is not null)
        {
            WriteNegotiatedFixup(writer, layout, plan, buildConfiguration);
        }
    }

    /// <summary>
    /// The roles of the fixup whose holder depends on the configuration and is negotiated in some: the constructor finds,
    /// once per domain, which claim holds each, and keeps its bit.
    /// </summary>
    private static IReadOnlyList<FixupRole> ConditionalNegotiatedRoles(FixupPlan? plan) =>
        plan is null ? [] : plan.Parameters.Where(role => role.FixedHolder is null && role.IsNegotiated).ToList();

    /// <summary>
    /// The constructor's lines that keep the bit holding <paramref name="role"/>: the first holder's, replaced by that of
    /// the holder whose condition holds (exactly one does in a valid configuration), in flat statements however many
    /// holders there are.
    /// </summary>
    private static void WriteConditionalRoleBit(SourceWriter writer, LayoutModel layout, FixupRole role)
    {
        var type = layout.Switches.TypeName;
        var bit = Member.RoleBit(role.Role);
        string BitOfHolder(FieldModel holder) =>
            FixupPlanner.IsNegotiated(holder) ? Member.Shift(holder.Name) : $"{layout.Name}.{GeneratedNames.Shift(holder.Name)}";

        writer.Line();
        writer.Line($"// Role {role.Role}: the bit of the claim that holds it in this configuration, as negotiated or as declared.");
        writer.Line($"{bit} = {BitOfHolder(role.Holders[0])};");
        foreach (var holder in role.Holders.Skip(1))
        {
            writer.Line($"if ({(holder.When is null ? "true" : ConditionExpression(holder.When, type, "configuration"))})");
            using (writer.Block())
            {
                writer.Line($"{bit} = {BitOfHolder(holder)};");
            }
        }
    }

    private static void WriteNegotiate(SourceWriter writer, LayoutModel layout, IReadOnlyList<FieldModel> claims, IReadOnlyList<string> locals)
    {
        var switches = layout.Switches;
        var type = switches.TypeName;
        var (guestUnusedBits, configuration) = (Parameter.GuestUnusedBits, Parameter.Configuration);
        var order = Enumerable.Range(0, claims.Count).Where(i => !claims[i].Optional).Concat(Enumerable.Range(0, claims.Count).Where(i => claims[i].Optional)).ToList();
        var parameters = switches.HasSwitches ? $"ulong {guestUnusedBits}, {type} {configuration}" : $"ulong {guestUnusedBits}";
        var guestAvailable = switches.HasSwitches ? $"{GeneratedNames.GuestAvailableBits}({configuration})" : GeneratedNames.FixedGuestAvailableBits;

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Chooses, for one domain, a bit for each relocatable claim from the bits the guest says it does not use (and that");
        writer.Line("/// are guest-available here, or the claim's own declared bit): required claims first, then optional ones while bits");
        writer.Line("/// remain, each taking its declared bit when the guest left it unused, else the lowest remaining candidate. The result is");
        writer.Line("/// deterministic. An optional claim without a bit is switched off; a required one without a bit fails the negotiation.");
        writer.Line("/// </summary>");
        writer.Line($"/// <param name=\"{guestUnusedBits}\">The software bits the guest declares it does not use.</param>");
        if (switches.HasSwitches)
        {
            writer.Line($"/// <param name=\"{configuration}\">A valid configuration (the switches that are on).</param>");
        }

        writer.Line("/// <returns>The chosen bits, or the reason negotiation failed.</returns>");
        writer.Line(GeneratedCode);
        writer.Line($"public static {GeneratedNames.Negotiation} {GeneratedNames.Negotiate}({parameters})");
        using (writer.Block())
        {
            if (switches.HasSwitches)
            {
                WriteConfigurationGuard(writer, configuration);
            }

            writer.Line($"var homeBits = {HomeBits(layout, claims)};");
            writer.Line($"var candidates = {guestUnusedBits} & ({guestAvailable} | homeBits);");
            writer.Line("string? failure = null;");
            foreach (var index in order)
            {
                var claim = claims[index];
                var local = locals[index];
                writer.Line();
                writer.Line($"var {local} = 0UL;");
                var active = claim.When is null || !switches.HasSwitches ? null : ConditionExpression(claim.When, type, configuration);
                if (active is not null)
                {
                    writer.Line($"if ({active})");
                    writer.Line("{");
                    writer.Line($"    {local} = {GeneratedNames.PickBit}(ref candidates, {GeneratedNames.Mask(claim.Name)});");
                    if (!claim.Optional)
                    {
                        writer.Line($"    failure ??= {local} == 0 ? {FailureText(claim)} : null;");
                    }

                    writer.Line("}");
                }
                else
                {
                    writer.Line($"{local} = {GeneratedNames.PickBit}(ref candidates, {GeneratedNames.Mask(claim.Name)});");
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
                arguments.Add(configuration);
                failed.Add(configuration);
            }

            arguments.AddRange(locals);
            failed.AddRange(locals.Select(_ => "0"));
            arguments.Add("null");
            failed.Add("failure");
            writer.Line();
            writer.Line("return failure is null");
            writer.Line($"    ? new {GeneratedNames.Negotiation}({string.Join(", ", arguments)})");
            writer.Line($"    : new {GeneratedNames.Negotiation}({string.Join(", ", failed)});");
        }

        writer.Line();
        writer.Line("/// <summary>Takes <paramref name=\"home\"/> if it is a candidate, else the lowest candidate; 0 when none is left.</summary>");
        writer.Line(GeneratedCode);
        writer.Line($"private static ulong {GeneratedNames.PickBit}(ref ulong candidates, ulong home)");
        using (writer.Block())
        {
            writer.Line("var pick = (candidates & home) != 0 ? home : candidates & (~candidates + 1);");
            writer.Line("candidates &= ~pick;");
            writer.Line("return pick;");
        }
    }

    /// <summary>The fixup overload that takes negotiated per-domain bits in place of the declared ones.</summary>
    private static void WriteNegotiatedFixup(SourceWriter writer, LayoutModel layout, FixupPlan plan, ulong? buildConfiguration)
    {
        var (entry, kind, domain) = (Parameter.Entry, Parameter.Kind, Parameter.Domain);
        var negotiation = GeneratedNames.Negotiation;

        // Per role: the bit negotiation kept for the domain where it may have moved it, else the declared one.
        var arguments = plan.Parameters.Select(role =>
            role.FixedHolder is { } holder ? FixupPlanner.IsNegotiated(holder) ? $"{domain}.{Member.Shift(holder.Name)}" : GeneratedNames.Shift(holder.Name)
            : role.IsNegotiated ? $"{domain}.{Member.RoleBit(role.Role)}"
            : $"{GeneratedNames.RoleBit(role.Role)}({domain}.{Member.Configuration})").ToList();
        if (plan.Warns)
        {
            arguments.Add(layout.Switches.HasSwitches ? $"{domain}.{Member.Warns}" : "false");
        }

        var domainDoc = $"/// <param name=\"{domain}\">The domain's negotiated bits; it must have succeeded.</param>";
        var failed = $"!{domain}.{Member.Succeeded}";
        var failure = $"{GeneratedNames.ThrowFailedNegotiation}({domain}.{Member.Failure})";
        writer.Line();
        WriteFixupSummary(
            writer,
            plan,
            "the bits negotiated for one domain (see <see cref=\"" + GeneratedNames.Negotiate + "\"/>)",
            FullyDescribedFixup(layout, plan, buildConfiguration));
        writer.Line($"/// <param name=\"{entry}\">The entry the guest submitted.</param>");
        writer.Line($"/// <param name=\"{kind}\">The kind of the guest's domain.</param>");
        writer.Line(domainDoc);
        writer.Line("/// <returns>The entry Xen installs.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The negotiation failed.</exception>");
        writer.Line(GeneratedAndInline);
        writer.Line($"public static {layout.Name} {plan.MethodName}({layout.Name} {entry}, {DomainKind} {kind}, in {negotiation} {domain})");
        using (writer.Block())
        {
            // The check comes after the steps (which have no effect but their result): an exit at the end of the body
            // lets the JIT hoist the per-domain values out of a caller's loop, as in the constant version.
            writer.Line($"var adjusted = {plan.Core}({string.Join(", ", new[] { entry, kind }.Concat(arguments))});");
            WriteGuard(writer, failed, failure);
            writer.Line("return adjusted;");
        }

        WriteBatchOverloads(
            writer,
            layout,
            plan,
            $"{plan.MethodName}({layout.Name}, {DomainKind}, in {negotiation})",
            $", in {negotiation} {domain}",
            [domainDoc, "/// <exception cref=\"global::System.ArgumentException\">The negotiation did not succeed.</exception>"],
            guarded => WriteGuard(guarded, failed, failure),
            arguments);
    }

    /// <summary>The claims negotiation places per domain, in declaration order.</summary>
    internal static IReadOnlyList<FieldModel> RelocatableClaims(LayoutModel layout) =>
        layout.Fields.Where(FixupPlanner.IsNegotiated).ToList();

    private static string HomeBits(LayoutModel layout, IReadOnlyList<FieldModel> claims)
    {
        var type = layout.Switches.TypeName;
        var always = claims.Where(c => c.When is null || !layout.Switches.HasSwitches).Select(c => GeneratedNames.Mask(c.Name)).ToList();
        var conditional = claims.Where(c => c.When is not null && layout.Switches.HasSwitches)
            .Select(c => $"({ConditionExpression(c.When!, type, Parameter.Configuration)} ? {GeneratedNames.Mask(c.Name)} : 0UL)");
        var parts = always.Concat(conditional).ToList();
        return string.Join(" | ", parts);
    }

    private static string FailureText(FieldModel claim) =>
        $"\"No bit is left for {Identifiers.Unescape(claim.Name)}, which is required: the guest marked \" + global::PteGen.PteBits.Describe({Parameter.GuestUnusedBits}) + \" unused, and no candidate (a guest-available bit, or bit {claim.Low}) remained for it.\"";
}
