using PteGen.Generators.Helpers;
using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;
using Parameter = PteGen.Generators.Model.GeneratedNames.Parameters;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    private const string DomainKind = "global::PteGen.PvDomainKind";

    /// <summary>
    /// Writes Xen's guest-entry fixup for the layout's level (adjust_guest_l1e ... adjust_guest_l4e): one private core
    /// that takes, as parameters, the masks that can vary (by configuration, or per domain after negotiation), and thin
    /// public overloads that pass constants for the build configuration, masks for a run-time configuration, or the
    /// negotiated bits. The core is inlined into each, so the constant overload is exactly the hand-written masks.
    /// </summary>
    private static void WriteFixups(SourceWriter writer, LayoutModel layout, FixupPlan? plan, ulong? buildConfiguration)
    {
        if (plan is null)
        {
            return;
        }

        writer.Line();
        writer.Line($"// Guest-entry fixup: Xen's adjust_guest_l{plan.Level}e (xen/arch/x86/pv/mm.h), from the roles of this layout.");
        if (plan.Warns)
        {
            WriteWarningHook(writer, layout, plan);
        }

        if (buildConfiguration is { } build)
        {
            WriteConstantFixup(writer, layout, plan, build);
        }

        if (layout.Switches.HasSwitches)
        {
            WriteRuntimeFixup(writer, layout, plan, buildConfiguration);
        }

        WriteFixupCore(writer, layout, plan);
        if (layout.HasSpan)
        {
            WriteFixupBatch(writer, layout, plan);
        }

        WriteRoleBitHelpers(writer, layout, plan);
    }

    private static void WriteWarningHook(SourceWriter writer, LayoutModel layout, FixupPlan plan)
    {
        var kernel = plan[PteRole.GuestKernel].Holders[0].Name;
        var global = plan[PteRole.Global].Holders[0].Name;
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Called by <c>{plan.MethodName}</c> when a present entry of a 64-bit PV domain arrives with both the kernel");
        writer.Line($"/// marker (<see cref=\"{kernel}\"/>) and <see cref=\"{global}\"/> set, in configurations where <c>{Literals.Xml(layout.WarnWhenText)}</c> holds");
        writer.Line("/// (Xen's debug builds log \"Global bit is set in kernel page\"). The entry is still adjusted as usual.");
        writer.Line("/// Implement this partial method in your part of the struct to report it; left unimplemented, the compiler removes");
        writer.Line("/// every call to it, so it costs nothing.");
        writer.Line("/// </summary>");
        writer.Line($"/// <param name=\"{Identifiers.Unescape(layout.HookParameterName)}\">The entry as the guest submitted it.</param>");
        writer.Line($"{(layout.HookIsExplicitlyPrivate ? "private " : "")}static partial void {GeneratedNames.WarningHook}({layout.Name} {layout.HookParameterName});");
    }

    private static void WriteConstantFixup(SourceWriter writer, LayoutModel layout, FixupPlan plan, ulong build)
    {
        var switches = layout.Switches;
        var configurationName = switches.HasSwitches ? switches.Format(build) : null;
        var arguments = plan.Parameters.Select(p => GeneratedNames.Shift(p.HolderIn(build).Name)).ToList();
        if (plan.Warns)
        {
            arguments.Add(Literals.Bool(layout.WarnWhen!.Holds(build)));
        }

        writer.Line();
        WriteFixupSummary(writer, plan, configurationName is null ? null : $"the build configuration, <c>{configurationName}</c> (the <c>PteGenConfiguration</c> MSBuild property; no switch when it is empty)", null);
        writer.Line($"/// <param name=\"{Parameter.Entry}\">The entry the guest submitted.</param>");
        writer.Line($"/// <param name=\"{Parameter.Kind}\">The kind of the guest's domain.</param>");
        writer.Line("/// <returns>The entry Xen installs.</returns>");
        writer.Line(GeneratedAndInline);
        writer.Line($"public static {layout.Name} {plan.MethodName}({layout.Name} {Parameter.Entry}, {DomainKind} {Parameter.Kind}) => {plan.Core}({string.Join(", ", new[] { Parameter.Entry, Parameter.Kind }.Concat(arguments))});");

        if (!layout.HasSpan)
        {
            return;
        }

        WriteBatchOverloads(writer, layout, plan, $"{plan.MethodName}({layout.Name}, {DomainKind})", "", [], null, arguments);
    }

    private static void WriteRuntimeFixup(SourceWriter writer, LayoutModel layout, FixupPlan plan, ulong? buildConfiguration)
    {
        var type = layout.Switches.TypeName;
        var configuration = Parameter.Configuration;
        var arguments = plan.Parameters
            .Select(p => p.FixedHolder is { } holder ? GeneratedNames.Shift(holder.Name) : $"{GeneratedNames.RoleBit(p.Role)}({configuration})")
            .ToList();
        if (plan.Warns)
        {
            arguments.Add(ConditionExpression(layout.WarnWhen!, type, configuration));
        }

        var configurationDoc = $"/// <param name=\"{configuration}\">A valid configuration (the switches that are on).</param>";
        var invalidDoc = $"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"{configuration}\"/> is not valid (see <see cref=\"{GeneratedNames.IsValid}\"/>).</exception>";
        writer.Line();
        WriteFixupSummary(
            writer,
            plan,
            "a configuration chosen at run time",
            buildConfiguration is null ? null : FullyDescribedFixup(layout, plan, buildConfiguration));
        writer.Line($"/// <param name=\"{Parameter.Entry}\">The entry the guest submitted.</param>");
        writer.Line($"/// <param name=\"{Parameter.Kind}\">The kind of the guest's domain.</param>");
        writer.Line(configurationDoc);
        writer.Line("/// <returns>The entry Xen installs.</returns>");
        writer.Line(invalidDoc);
        writer.Line(GeneratedCode);
        writer.Line($"public static {layout.Name} {plan.MethodName}({layout.Name} {Parameter.Entry}, {DomainKind} {Parameter.Kind}, {type} {configuration})");
        using (writer.Block())
        {
            WriteConfigurationGuard(writer, configuration);
            writer.Line($"return {plan.Core}({string.Join(", ", new[] { Parameter.Entry, Parameter.Kind }.Concat(arguments))});");
        }

        if (!layout.HasSpan)
        {
            return;
        }

        WriteBatchOverloads(
            writer,
            layout,
            plan,
            $"{plan.MethodName}({layout.Name}, {DomainKind}, {type})",
            $", {type} {configuration}",
            [configurationDoc, invalidDoc],
            guarded => WriteConfigurationGuard(guarded, configuration),
            arguments);
    }

    /// <summary>
    /// The two whole-table forms of a fixup overload: in place, and from a source table into a destination (the form a
    /// hypervisor uses to validate a guest page into its own copy, reading and writing each entry once).
    /// </summary>
    private static void WriteBatchOverloads(
        SourceWriter writer,
        LayoutModel layout,
        FixupPlan plan,
        string scalarCref,
        string extraParameters,
        IReadOnlyList<string> extraDocs,
        System.Action<SourceWriter>? guard,
        IReadOnlyList<string> arguments)
    {
        if (!layout.HasSpan)
        {
            return;
        }

        var (entries, adjusted, kind) = (Parameter.Entries, Parameter.Adjusted, Parameter.Kind);
        var method = plan.MethodName;
        var span = $"global::System.Span<{layout.Name}>";
        writer.Line();
        writer.Line($"/// <summary>Applies <see cref=\"{scalarCref}\"/> to every entry of a page table, in place.</summary>");
        writer.Line($"/// <param name=\"{entries}\">The entries, adjusted in place.</param>");
        writer.Line($"/// <param name=\"{kind}\">The kind of the guest's domain.</param>");
        foreach (var doc in extraDocs)
        {
            writer.Line(doc);
        }

        writer.Line(GeneratedCode);
        writer.Line($"public static void {method}({span} {entries}, {DomainKind} {kind}{extraParameters})");
        using (writer.Block())
        {
            guard?.Invoke(writer);
            writer.Line($"{plan.Batch}({string.Join(", ", new[] { entries, entries, kind }.Concat(arguments))});");
        }

        writer.Line();
        writer.Line($"/// <summary>Applies <see cref=\"{scalarCref}\"/> to every entry of <paramref name=\"{entries}\"/>, writing the results to <paramref name=\"{adjusted}\"/>.</summary>");
        writer.Line($"/// <param name=\"{entries}\">The entries the guest submitted; not changed (unless it is <paramref name=\"{adjusted}\"/> itself).</param>");
        writer.Line($"/// <param name=\"{adjusted}\">Receives the adjusted entries: at least as long as <paramref name=\"{entries}\"/>, and either the same memory or memory that does not overlap it.</param>");
        writer.Line($"/// <param name=\"{kind}\">The kind of the guest's domain.</param>");
        foreach (var doc in extraDocs)
        {
            writer.Line(doc);
        }

        writer.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"{adjusted}\"/> is shorter than <paramref name=\"{entries}\"/>.</exception>");
        writer.Line(GeneratedCode);
        writer.Line($"public static void {method}(global::System.ReadOnlySpan<{layout.Name}> {entries}, {span} {adjusted}, {DomainKind} {kind}{extraParameters})");
        using (writer.Block())
        {
            WriteGuard(writer, $"{adjusted}.Length < {entries}.Length", $"{GeneratedNames.ThrowDestinationTooShort}()");
            guard?.Invoke(writer);
            writer.Line($"{plan.Batch}({string.Join(", ", new[] { entries, adjusted, kind }.Concat(arguments))});");
        }
    }

    /// <param name="writer">The writer.</param>
    /// <param name="plan">The fixup.</param>
    /// <param name="configuration">The configuration the overload applies, as a phrase.</param>
    /// <param name="described">
    /// The overload whose summary says what the steps do, or <see langword="null"/> for this one: the steps are described
    /// once, and the other overloads point to it.
    /// </param>
    private static void WriteFixupSummary(SourceWriter writer, FixupPlan plan, string? configuration, string? described)
    {
        var under = configuration is null ? "" : $" under {configuration}";
        writer.Line("/// <summary>");
        writer.Line(described is null
            ? $"/// Xen's <c>adjust_guest_l{plan.Level}e</c>{under}. {FixupBehaviour(plan)}"
            : $"/// Xen's <c>adjust_guest_l{plan.Level}e</c>{under}: the steps of <see cref=\"{described}\"/>.");
        writer.Line("/// </summary>");
    }

    /// <summary>
    /// The overload whose summary describes the steps: the build configuration's when it is generated, else the run-time
    /// configuration's (the negotiated overload's own summary describes them when neither is generated).
    /// </summary>
    private static string? FullyDescribedFixup(LayoutModel layout, FixupPlan plan, ulong? buildConfiguration) =>
        buildConfiguration is not null ? $"{plan.MethodName}({layout.Name}, {DomainKind})"
        : layout.Switches.HasSwitches ? $"{plan.MethodName}({layout.Name}, {DomainKind}, {layout.Switches.TypeName})"
        : null;

    private static string FixupBehaviour(FixupPlan plan)
    {
        // A role held by several claims (one per configuration) is named after the first.
        string Ref(PteRole role) => $"<see cref=\"{plan[role].Holders[0].Name}\"/>";
        return plan.Level switch
        {
            1 => $"For a {Ref(PteRole.Present)} entry of a 64-bit PV domain: an entry without {Ref(PteRole.User)} (a kernel mapping) gets {Ref(PteRole.User)} and the kernel marker {Ref(PteRole.GuestKernel)}; then an entry without the kernel marker (a user mapping) gets {Ref(PteRole.Global)} and {Ref(PteRole.User)}. {Ref(PteRole.Global)} is never cleared and no other bit changes. Entries that are not present, and every entry of a 32-bit PV domain, come back unchanged.",
            2 => $"Adds {Ref(PteRole.User)} to a {Ref(PteRole.Present)} entry of a 64-bit PV domain; other entries come back unchanged.",
            3 => $"Adds {Ref(PteRole.User)} to a {Ref(PteRole.Present)} entry (for a 32-bit PV domain, {Ref(PteRole.User)} and {Ref(PteRole.Writable)}); entries that are not present come back unchanged.",
            _ => $"Adds {Ref(PteRole.Accessed)} to every {Ref(PteRole.Present)} entry (Xen 4.11 and later) and, for a 64-bit PV domain, {Ref(PteRole.User)}; entries that are not present come back unchanged.",
        };
    }

    /// <summary>
    /// The core: Xen's steps, one line each, over the roles' bit positions. It has no branch: each condition is a bit
    /// shifted down to 1 or 0 and each step shifts it back up to the bits it adds, so an unpredictable table costs no
    /// mispredicted branches, and the result is exactly that of Xen's if-steps. (Comparisons turned into masks would be
    /// branch-free too, but x64's setcc then chains every entry to the one before through a partial register.)
    /// </summary>
    private static void WriteFixupCore(SourceWriter writer, LayoutModel layout, FixupPlan plan)
    {
        string Bit(PteRole role) => BitOf(plan, role);
        var parameters = new List<string> { $"{layout.Name} entry", $"{DomainKind} kind" };
        parameters.AddRange(CoreParameterDeclarations(plan));

        writer.Line();
        writer.Line($"/// <summary>The steps of <c>adjust_guest_l{plan.Level}e</c>; every public overload inlines this with its own bits.</summary>");
        writer.Line(GeneratedAndInline);
        writer.Line($"private static {layout.Name} {plan.Core}({string.Join(", ", parameters)})");
        using (writer.Block())
        {
            var raw = GeneratedNames.RawField;
            var notPv32 = GeneratedNames.NotPv32;
            writer.Line($"var raw = entry.{raw};");
            switch (plan.Level)
            {
                case 1:
                    writer.Line();
                    writer.Line("// 1 for a present entry of a 64-bit PV domain, the only entries Xen adjusts; else 0.");
                    writer.Line($"var adjusts = (raw >> {Bit(PteRole.Present)}) & {notPv32}(kind);");
                    if (plan.Warns)
                    {
                        writer.Line();
                        writer.Line("// The warning looks at the entry as submitted: the kernel marker and Global both set.");
                        writer.Line($"if (warn && (adjusts & (raw >> {Bit(PteRole.GuestKernel)}) & (raw >> {Bit(PteRole.Global)})) != 0)");
                        using (writer.Block())
                        {
                            writer.Line($"{GeneratedNames.WarningHook}(entry);");
                        }
                    }

                    writer.Line();
                    writer.Line("// A 64-bit PV kernel runs in ring 3: a kernel mapping (no User) gets the kernel marker, and every adjusted entry User.");
                    writer.Line($"raw |= ((adjusts & ~(raw >> {Bit(PteRole.User)})) << {Bit(PteRole.GuestKernel)}) | (adjusts << {Bit(PteRole.User)});");
                    writer.Line();
                    writer.Line("// Then an entry without the kernel marker is a user mapping: it becomes global (Global is never cleared).");
                    writer.Line($"raw |= (adjusts & ~(raw >> {Bit(PteRole.GuestKernel)})) << {Bit(PteRole.Global)};");
                    break;
                case 2:
                    writer.Line();
                    writer.Line("// Present entries of 64-bit PV domains get User.");
                    writer.Line($"raw |= ((raw >> {Bit(PteRole.Present)}) & {notPv32}(kind)) << {Bit(PteRole.User)};");
                    break;
                case 3:
                    writer.Line();
                    writer.Line("// Present entries get User; those of 32-bit PV domains also RW.");
                    writer.Line($"var present = (raw >> {Bit(PteRole.Present)}) & 1UL;");
                    writer.Line($"raw |= (present << {Bit(PteRole.User)}) | ((present & (1UL - {notPv32}(kind))) << {Bit(PteRole.Writable)});");
                    break;
                default:
                    writer.Line();
                    writer.Line("// Present entries get Accessed (Xen 4.11 and later); those of 64-bit PV domains also User.");
                    writer.Line($"var present = (raw >> {Bit(PteRole.Present)}) & 1UL;");
                    writer.Line($"raw |= (present << {Bit(PteRole.Accessed)}) | ((present & {notPv32}(kind)) << {Bit(PteRole.User)});");
                    break;
            }

            writer.Line();
            writer.Line($"return new {layout.Name}(raw);");
        }

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// 1 for any domain but a 32-bit PV one, else 0. Arithmetic rather than a comparison: x64 turns a comparison into");
        writer.Line("/// a setcc, which in a loop chains each entry to the one before through a partial register.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedAndInline);
        writer.Line($"private static ulong {GeneratedNames.NotPv32}({DomainKind} kind) => ((ulong)((uint)kind ^ (uint){DomainKind}.Pv32) + 0xFFFFFFFFUL) >> 32;");
    }

    /// <summary>For each role whose claim depends on the configuration: its bit in a given configuration.</summary>
    private static void WriteRoleBitHelpers(SourceWriter writer, LayoutModel layout, FixupPlan plan)
    {
        if (!layout.Switches.HasSwitches)
        {
            return;
        }

        var type = layout.Switches.TypeName;
        foreach (var role in plan.Roles.Where(r => r.FixedHolder is null))
        {
            writer.Line();
            writer.Line($"/// <summary>The bit holding role {role.Role} in <paramref name=\"configuration\"/> (a valid one).</summary>");
            writer.Line(GeneratedCode);
            writer.Line($"private static int {GeneratedNames.RoleBit(role.Role)}({type} configuration)");
            using (writer.Block())
            {
                foreach (var holder in role.Holders)
                {
                    if (holder.When is null)
                    {
                        writer.Line($"return {GeneratedNames.Shift(holder.Name)};");
                        break;
                    }

                    writer.Line($"if ({ConditionExpression(holder.When, type, "configuration")})");
                    using (writer.Block())
                    {
                        writer.Line($"return {GeneratedNames.Shift(holder.Name)};");
                    }

                    writer.Line();
                }

                if (role.Holders.All(h => h.When is not null))
                {
                    writer.Line("return 0; // Unreachable: every valid configuration has a holder (PTE021 otherwise).");
                }
            }
        }
    }

    /// <summary>The core's parameter for a role's bit: <c>presentBit</c>, <c>guestKernelBit</c>, ...</summary>
    private static string CoreParameter(PteRole role)
    {
        var name = role.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1) + "Bit";
    }

    /// <summary>The parameters of the core after the entry and the domain kind, as declared.</summary>
    private static IEnumerable<string> CoreParameterDeclarations(FixupPlan plan) =>
        plan.Parameters.Select(p => $"int {CoreParameter(p.Role)}").Concat(plan.Warns ? new[] { "bool warn" } : System.Array.Empty<string>());

    /// <summary>The arguments that pass the core's own parameters on.</summary>
    private static IEnumerable<string> CoreParameterNames(FixupPlan plan) =>
        plan.Parameters.Select(p => CoreParameter(p.Role)).Concat(plan.Warns ? new[] { "warn" } : System.Array.Empty<string>());

    /// <summary>The bit position of <paramref name="role"/> in the core: its parameter, or the claim's Shift constant.</summary>
    private static string BitOf(FixupPlan plan, PteRole role) =>
        plan[role].IsParameter ? CoreParameter(role) : GeneratedNames.Shift(plan.FixedHolder(role)!.Name);

    /// <summary>The mask of <paramref name="role"/> in the core: from its parameter, or the claim's Mask constant.</summary>
    private static string MaskOf(FixupPlan plan, PteRole role) =>
        plan[role].IsParameter ? $"(1UL << {CoreParameter(role)})" : GeneratedNames.Mask(plan.FixedHolder(role)!.Name);
}
