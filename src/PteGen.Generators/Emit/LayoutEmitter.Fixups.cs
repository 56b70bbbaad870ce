using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    internal const string WarningHook = "OnGlobalKernelPage";
    internal const string ThrowDestinationTooShort = "__ThrowDestinationTooShort";
    internal const string NotPv32 = "__NotPv32";

    private const string DomainKind = "global::PteGen.PvDomainKind";

    /// <summary>
    /// Writes Xen's guest-entry fixup for the layout's level (adjust_guest_l1e ... adjust_guest_l4e): one private core
    /// that takes, as parameters, the masks that can vary (by configuration, or per domain after negotiation), and thin
    /// public overloads that pass constants for the build configuration, masks for a run-time configuration, or the
    /// negotiated bits. The core is inlined into each, so the constant overload is exactly the hand-written masks.
    /// </summary>
    private static void WriteFixups(SourceWriter writer, LayoutModel layout, ulong? buildConfiguration)
    {
        var (plan, _) = FixupPlanner.Plan(layout);
        if (plan is null)
        {
            return;
        }

        var fixup = new FixupShape(layout, plan);
        writer.Line();
        writer.Line($"// Guest-entry fixup: Xen's adjust_guest_l{plan.Level}e (xen/arch/x86/pv/mm.h), from the roles of this layout.");
        if (fixup.Warns)
        {
            WriteWarningHook(writer, layout, fixup);
        }

        if (buildConfiguration is { } build)
        {
            WriteConstantFixup(writer, layout, fixup, build);
        }

        if (layout.Switches.HasSwitches)
        {
            WriteRuntimeFixup(writer, layout, fixup);
        }

        WriteFixupCore(writer, layout, fixup);
        if (layout.HasSpan)
        {
            WriteFixupBatch(writer, layout, fixup);
        }

        WriteRoleBitHelpers(writer, layout, fixup);
    }

    private static void WriteWarningHook(SourceWriter writer, LayoutModel layout, FixupShape fixup)
    {
        var kernel = fixup.Plan.Holders[PteRole.GuestKernel][0].Name;
        var global = fixup.Plan.Holders[PteRole.Global][0].Name;
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Called by <c>{fixup.Plan.MethodName}</c> when a present entry of a 64-bit PV domain arrives with both the kernel");
        writer.Line($"/// marker (<see cref=\"{kernel}\"/>) and <see cref=\"{global}\"/> set, in configurations where <c>{Literals.Xml(layout.WarnWhenText)}</c> holds");
        writer.Line("/// (Xen's debug builds log \"Global bit is set in kernel page\"). The entry is still adjusted as usual.");
        writer.Line("/// Implement this partial method in your part of the struct to report it; left unimplemented, the compiler removes");
        writer.Line("/// every call to it, so it costs nothing.");
        writer.Line("/// </summary>");
        writer.Line($"/// <param name=\"{Identifiers.Unescape(layout.HookParameterName)}\">The entry as the guest submitted it.</param>");
        writer.Line($"static partial void {WarningHook}({layout.Name} {layout.HookParameterName});");
    }

    private static void WriteConstantFixup(SourceWriter writer, LayoutModel layout, FixupShape fixup, ulong build)
    {
        var switches = layout.Switches;
        var configurationName = switches.HasSwitches ? switches.Format(build) : null;
        var arguments = fixup.Parameters.Select(p => GeneratedNames.Shift(fixup.Plan.HolderIn(p.Role, build).Name)).ToList();
        if (fixup.Warns)
        {
            arguments.Add(Literals.Bool(layout.WarnWhen!.Holds(build)));
        }

        writer.Line();
        WriteFixupSummary(writer, layout, fixup, configurationName is null ? null : $"the build configuration, <c>{configurationName}</c> (the <c>PteGenConfiguration</c> MSBuild property; no switch when it is empty)");
        writer.Line("/// <param name=\"entry\">The entry the guest submitted.</param>");
        writer.Line("/// <param name=\"kind\">The kind of the guest's domain.</param>");
        writer.Line("/// <returns>The entry Xen installs.</returns>");
        writer.Line(GeneratedCode);
        writer.Line(Inline);
        writer.Line($"public static {layout.Name} {fixup.Plan.MethodName}({layout.Name} entry, {DomainKind} kind) => {fixup.Core}({string.Join(", ", new[] { "entry", "kind" }.Concat(arguments))});");

        if (!layout.HasSpan)
        {
            return;
        }

        WriteBatchOverloads(writer, layout, fixup, $"{fixup.Plan.MethodName}({layout.Name}, {DomainKind})", "", [], [], arguments);
    }

    private static void WriteRuntimeFixup(SourceWriter writer, LayoutModel layout, FixupShape fixup)
    {
        var type = layout.Switches.TypeName;
        var arguments = fixup.Parameters.Select(p => p.Holder is { } holder ? GeneratedNames.Shift(holder.Name) : $"{RoleBitHelper(p.Role)}(configuration)").ToList();
        if (fixup.Warns)
        {
            arguments.Add(ConditionExpression(layout.WarnWhen!, type, "configuration"));
        }

        writer.Line();
        WriteFixupSummary(writer, layout, fixup, "a configuration chosen at run time");
        writer.Line("/// <param name=\"entry\">The entry the guest submitted.</param>");
        writer.Line("/// <param name=\"kind\">The kind of the guest's domain.</param>");
        writer.Line("/// <param name=\"configuration\">A valid configuration (the switches that are on).</param>");
        writer.Line("/// <returns>The entry Xen installs.</returns>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"configuration\"/> is not valid (see <see cref=\"{GeneratedNames.IsValid}\"/>).</exception>");
        writer.Line(GeneratedCode);
        writer.Line($"public static {layout.Name} {fixup.Plan.MethodName}({layout.Name} entry, {DomainKind} kind, {type} configuration)");
        using (writer.Block())
        {
            writer.Line($"if (!{GeneratedNames.IsValid}(configuration))");
            using (writer.Block())
            {
                writer.Line($"{GeneratedNames.ThrowInvalidConfiguration}(configuration);");
            }

            writer.Line();
            writer.Line($"return {fixup.Core}({string.Join(", ", new[] { "entry", "kind" }.Concat(arguments))});");
        }

        if (!layout.HasSpan)
        {
            return;
        }

        WriteBatchOverloads(
            writer,
            layout,
            fixup,
            $"{fixup.Plan.MethodName}({layout.Name}, {DomainKind}, {type})",
            $", {type} configuration",
            ["/// <param name=\"configuration\">A valid configuration (the switches that are on).</param>",
             $"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"configuration\"/> is not valid (see <see cref=\"{GeneratedNames.IsValid}\"/>).</exception>"],
            [$"if (!{GeneratedNames.IsValid}(configuration))", "{", $"    {GeneratedNames.ThrowInvalidConfiguration}(configuration);", "}"],
            arguments);
    }

    /// <summary>
    /// The two whole-table forms of a fixup overload: in place, and from a source table into a destination (the form a
    /// hypervisor uses to validate a guest page into its own copy, reading and writing each entry once).
    /// </summary>
    private static void WriteBatchOverloads(
        SourceWriter writer,
        LayoutModel layout,
        FixupShape fixup,
        string scalarCref,
        string extraParameters,
        IReadOnlyList<string> extraDocs,
        IReadOnlyList<string> guard,
        IReadOnlyList<string> arguments)
    {
        if (!layout.HasSpan)
        {
            return;
        }

        var method = fixup.Plan.MethodName;
        var span = $"global::System.Span<{layout.Name}>";
        writer.Line();
        writer.Line($"/// <summary>Applies <see cref=\"{scalarCref}\"/> to every entry of a page table, in place.</summary>");
        writer.Line("/// <param name=\"entries\">The entries, adjusted in place.</param>");
        writer.Line("/// <param name=\"kind\">The kind of the guest's domain.</param>");
        foreach (var doc in extraDocs)
        {
            writer.Line(doc);
        }

        writer.Line(GeneratedCode);
        writer.Line($"public static void {method}({span} entries, {DomainKind} kind{extraParameters})");
        using (writer.Block())
        {
            foreach (var line in guard)
            {
                writer.Line(line);
            }

            if (guard.Count > 0)
            {
                writer.Line();
            }

            writer.Line($"{fixup.Batch}({string.Join(", ", new[] { "entries", "entries", "kind" }.Concat(arguments))});");
        }

        writer.Line();
        writer.Line($"/// <summary>Applies <see cref=\"{scalarCref}\"/> to every entry of <paramref name=\"entries\"/>, writing the results to <paramref name=\"adjusted\"/>.</summary>");
        writer.Line("/// <param name=\"entries\">The entries the guest submitted; not changed (unless it is <paramref name=\"adjusted\"/> itself).</param>");
        writer.Line("/// <param name=\"adjusted\">Receives the adjusted entries: at least as long as <paramref name=\"entries\"/>, and either the same memory or memory that does not overlap it.</param>");
        writer.Line("/// <param name=\"kind\">The kind of the guest's domain.</param>");
        foreach (var doc in extraDocs)
        {
            writer.Line(doc);
        }

        writer.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"adjusted\"/> is shorter than <paramref name=\"entries\"/>.</exception>");
        writer.Line(GeneratedCode);
        writer.Line($"public static void {method}(global::System.ReadOnlySpan<{layout.Name}> entries, {span} adjusted, {DomainKind} kind{extraParameters})");
        using (writer.Block())
        {
            writer.Line("if (adjusted.Length < entries.Length)");
            using (writer.Block())
            {
                writer.Line($"{ThrowDestinationTooShort}();");
            }

            writer.Line();
            foreach (var line in guard)
            {
                writer.Line(line);
            }

            if (guard.Count > 0)
            {
                writer.Line();
            }

            writer.Line($"{fixup.Batch}({string.Join(", ", new[] { "entries", "adjusted", "kind" }.Concat(arguments))});");
        }
    }

    private static void WriteFixupSummary(SourceWriter writer, LayoutModel layout, FixupShape fixup, string? configuration)
    {
        var names = fixup.RoleNames;
        var under = configuration is null ? "" : $" under {configuration}";
        writer.Line("/// <summary>");
        writer.Line($"/// Xen's <c>adjust_guest_l{fixup.Plan.Level}e</c>{under}. {FixupBehaviour(fixup.Plan.Level, names)}");
        writer.Line("/// </summary>");
    }

    private static string FixupBehaviour(int level, IReadOnlyDictionary<PteRole, string> names)
    {
        string Ref(PteRole role) => $"<see cref=\"{names[role]}\"/>";
        return level switch
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
    private static void WriteFixupCore(SourceWriter writer, LayoutModel layout, FixupShape fixup)
    {
        string Bit(PteRole role) => fixup.BitOf(role);
        var parameters = new List<string> { $"{layout.Name} entry", $"{DomainKind} kind" };
        parameters.AddRange(fixup.ParameterDeclarations);

        writer.Line();
        writer.Line($"/// <summary>The steps of <c>adjust_guest_l{fixup.Plan.Level}e</c>; every public overload inlines this with its own bits.</summary>");
        writer.Line(GeneratedCode);
        writer.Line(Inline);
        writer.Line($"private static {layout.Name} {fixup.Core}({string.Join(", ", parameters)})");
        using (writer.Block())
        {
            var raw = GeneratedNames.RawField;
            writer.Line($"var raw = entry.{raw};");
            switch (fixup.Plan.Level)
            {
                case 1:
                    writer.Line();
                    writer.Line("// 1 for a present entry of a 64-bit PV domain, the only entries Xen adjusts; else 0.");
                    writer.Line($"var adjusts = (raw >> {Bit(PteRole.Present)}) & {NotPv32}(kind);");
                    if (fixup.Warns)
                    {
                        writer.Line();
                        writer.Line("// The warning looks at the entry as submitted: the kernel marker and Global both set.");
                        writer.Line($"if (warn && (adjusts & (raw >> {Bit(PteRole.GuestKernel)}) & (raw >> {Bit(PteRole.Global)})) != 0)");
                        using (writer.Block())
                        {
                            writer.Line($"{WarningHook}(entry);");
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
                    writer.Line($"raw |= ((raw >> {Bit(PteRole.Present)}) & {NotPv32}(kind)) << {Bit(PteRole.User)};");
                    break;
                case 3:
                    writer.Line();
                    writer.Line("// Present entries get User; those of 32-bit PV domains also RW.");
                    writer.Line($"var present = (raw >> {Bit(PteRole.Present)}) & 1UL;");
                    writer.Line($"raw |= (present << {Bit(PteRole.User)}) | ((present & (1UL - {NotPv32}(kind))) << {Bit(PteRole.Writable)});");
                    break;
                default:
                    writer.Line();
                    writer.Line("// Present entries get Accessed (Xen 4.11 and later); those of 64-bit PV domains also User.");
                    writer.Line($"var present = (raw >> {Bit(PteRole.Present)}) & 1UL;");
                    writer.Line($"raw |= (present << {Bit(PteRole.Accessed)}) | ((present & {NotPv32}(kind)) << {Bit(PteRole.User)});");
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
        writer.Line(GeneratedCode);
        writer.Line(Inline);
        writer.Line($"private static ulong {NotPv32}({DomainKind} kind) => ((ulong)((uint)kind ^ (uint){DomainKind}.Pv32) + 0xFFFFFFFFUL) >> 32;");
    }

    /// <summary>For each role whose claim depends on the configuration: its bit in a given configuration.</summary>
    private static void WriteRoleBitHelpers(SourceWriter writer, LayoutModel layout, FixupShape fixup)
    {
        if (!layout.Switches.HasSwitches)
        {
            return;
        }

        var type = layout.Switches.TypeName;
        foreach (var role in fixup.Plan.Roles.Where(r => fixup.Plan.FixedHolder(r) is null))
        {
            writer.Line();
            writer.Line($"/// <summary>The bit holding role {role} in <paramref name=\"configuration\"/> (a valid one).</summary>");
            writer.Line(GeneratedCode);
            writer.Line($"private static int {RoleBitHelper(role)}({type} configuration)");
            using (writer.Block())
            {
                foreach (var holder in fixup.Plan.Holders[role])
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

                if (fixup.Plan.Holders[role].All(h => h.When is not null))
                {
                    writer.Line("return 0; // Unreachable: every valid configuration has a holder (PTE021 otherwise).");
                }
            }
        }
    }

    internal static string RoleBitHelper(PteRole role) => $"__{role}RoleBit";

    /// <summary>Which role masks the fixup core takes as parameters, and how each overload fills them in.</summary>
    private sealed class FixupShape
    {
        public FixupShape(LayoutModel layout, FixupPlan plan)
        {
            Plan = plan;
            Core = $"__{plan.MethodName}";
            Warns = plan.Level == 1 && layout.WarnWhen is not null;
            RoleNames = plan.Roles.ToDictionary(role => role, role => plan.Holders[role][0].Name);
            Parameters = plan.Roles
                .Where(role => plan.FixedHolder(role) is not { Relocatable: false })
                .Select(role => new FixupParameter(role, char.ToLowerInvariant(role.ToString()[0]) + role.ToString().Substring(1) + "Bit", plan.FixedHolder(role)))
                .ToList();
        }

        public FixupPlan Plan { get; }

        public string Core { get; }

        /// <summary>The whole-table form of <see cref="Core"/>.</summary>
        public string Batch => Core + "Batch";

        /// <summary>The parameters of the core after the entry and the domain kind, as declared.</summary>
        public IEnumerable<string> ParameterDeclarations =>
            Parameters.Select(p => $"int {p.Name}").Concat(Warns ? new[] { "bool warn" } : System.Array.Empty<string>());

        /// <summary>The arguments that pass the core's own parameters on.</summary>
        public IEnumerable<string> ParameterNames =>
            Parameters.Select(p => p.Name).Concat(Warns ? new[] { "warn" } : System.Array.Empty<string>());

        public bool Warns { get; }

        public IReadOnlyDictionary<PteRole, string> RoleNames { get; }

        /// <summary>Roles whose mask varies (conditional claims, or relocatable ones chosen per domain).</summary>
        public IReadOnlyList<FixupParameter> Parameters { get; }

        /// <summary>The bit position of <paramref name="role"/>: the core's parameter, or the claim's Shift constant.</summary>
        public string BitOf(PteRole role) =>
            Parameters.FirstOrDefault(p => p.Role == role) is { } parameter ? parameter.Name : GeneratedNames.Shift(Plan.FixedHolder(role)!.Name);

        /// <summary>The mask of <paramref name="role"/>: from the core's parameter, or the claim's Mask constant.</summary>
        public string MaskOf(PteRole role) =>
            Parameters.FirstOrDefault(p => p.Role == role) is { } parameter ? $"(1UL << {parameter.Name})" : GeneratedNames.Mask(Plan.FixedHolder(role)!.Name);
    }

    /// <param name="Role">The role.</param>
    /// <param name="Name">The parameter name in the core.</param>
    /// <param name="Holder">The claim when it holds the role in every configuration (a relocatable one), else <see langword="null"/>.</param>
    private sealed record FixupParameter(PteRole Role, string Name, FieldModel? Holder);
}
