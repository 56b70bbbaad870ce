namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// Fixed cases for the reference itself (<see cref="ReferenceEvaluator"/>), each worked out by hand from
/// pte101-spec.md: a differential test is only as good as its reference. Each program is also compiled through the
/// harness, which asserts it compiles; the analyzer's own findings are not looked at here.
/// </summary>
[Trait("Category", "Differential")]
public sealed class ReferenceEvaluatorTests
{
    private const string KernelAnywhere = "bit 52 (GuestKernel) in every configuration (None, Debug, Pke)";
    private const string GrantDebug = "bit 62 (GrantMapping) under configuration Debug";
    private const string KernelNone = "bit 52 (GuestKernel) under configuration None";

    private static GuestExpr Raw() => GuestExpr.Parameter("raw");

    private static GuestExpr Pfn() => GuestExpr.Parameter("pfn");

    private static GuestExpr Prot() => GuestExpr.Parameter("prot");

    private static GuestExpr C(string name) => GuestExpr.Named(name);

    private static GuestExpr Not(GuestExpr operand) => GuestExpr.Complement(operand);

    private static GuestStatement Store(GuestExpr value) => GuestStatement.Of(GuestStatementKind.StoreNew, value);

    private static GuestMethod Builder(IReadOnlyList<GuestExpr> locals, params GuestStatement[] body) =>
        new("Build0", GuestMethodKind.EntryBuilder, locals, [.. body, GuestStatement.Of(GuestStatementKind.ReturnLast)]);

    private static GuestMethod Builder(params GuestStatement[] body) => Builder([], body);

    private static GuestMethod ValueBuilder(params GuestStatement[] body) => new("Compute0", GuestMethodKind.ValueBuilder, [], body);

    private static GuestMethod EntryHelper(string name, GuestExpr value) =>
        new(name, GuestMethodKind.EntryHelper, [], [GuestStatement.Of(GuestStatementKind.ReturnNew, value)]);

    private static string Message(string verb, string bits, string owners) => $"Guest code {verb} {bits} of 'L1e': Xen reserves {owners}";

    /// <summary>Renders the methods as one program, checks that it compiles, and interprets it.</summary>
    private static EvaluatedProgram Evaluate(params GuestMethod[] methods)
    {
        var batch = ProgramRenderer.Render([new GuestProgram("Program", methods)]);
        UsageHarness.Run(batch.Source);
        return new EvaluatedProgram(batch, ReferenceEvaluator.Evaluate(batch.Programs[0].Program));
    }

    [Fact]
    public void GrantSetIntoAnEntry_IsOneFindingAtTheOr_UnderDebugAndAbsent()
    {
        var run = Evaluate(Builder(Store(GuestExpr.Or(Raw(), C("Grant")))));
        Assert.Equal([$"raw | Grant: {Message("sets", "bit 62", GrantDebug)}"], run.Findings(Pte101Setting.Debug));
        Assert.Equal([$"raw | Grant: {Message("sets", "bit 62", GrantDebug)}"], run.Findings(Pte101Setting.Absent));
        Assert.Empty(run.Findings(Pte101Setting.None));
        Assert.Empty(run.Findings(Pte101Setting.Pke));
    }

    [Fact]
    public void FrameOf_ReturningMaskedRawBits_IsNotASink()
    {
        var run = Evaluate(ValueBuilder(GuestStatement.Of(
            GuestStatementKind.ReturnValue,
            GuestExpr.And(GuestExpr.EntryRaw(), GuestExpr.Constant("0x000F_FFFF_FFFF_F000UL", 0x000F_FFFF_FFFF_F000UL)))));
        Assert.Contains("return e.Raw & 0x000F_FFFF_FFFF_F000UL;", run.Source, StringComparison.Ordinal);
        run.ExpectNoneUnderAnySetting();
    }

    [Fact]
    public void ShiftedPfnMaskedToTheFrame_WritesNothing_ItsHighBitsAreNumberBits()
    {
        var run = Evaluate(Builder(Store(GuestExpr.And(GuestExpr.ShiftLeft(Pfn(), 12), C("FrameMask")))));
        Assert.Contains("last = new L1e((pfn << 12) & FrameMask);", run.Source, StringComparison.Ordinal);
        run.ExpectNoneUnderAnySetting();
    }

    [Fact]
    public void RawBitsMaskedToTheFrameIntoAnEntry_ClearBoth()
    {
        var run = Evaluate(Builder(Store(GuestExpr.And(GuestExpr.EntryRaw(), C("FrameMask")))));
        Assert.Equal([$"e.Raw & FrameMask: {Message("clears", "bits 52 and 62", $"{KernelAnywhere} and {GrantDebug}")}"], run.Findings(Pte101Setting.Absent));
        Assert.Equal(
            [$"e.Raw & FrameMask: {Message("clears", "bits 52 and 62", "bits 52 and 62 (GuestKernel, GrantMapping) under configuration Debug")}"],
            run.Findings(Pte101Setting.Debug));
        Assert.Equal([$"e.Raw & FrameMask: {Message("clears", "bit 52", KernelNone)}"], run.Findings(Pte101Setting.None));
        Assert.Equal([$"e.Raw & FrameMask: {Message("clears", "bit 52", "bit 52 (GuestKernel) under configuration Pke")}"], run.Findings(Pte101Setting.Pke));
    }

    [Fact]
    public void HelperSummary_OnlyTheUnmaskedParameterBitsReachTheEntry()
    {
        var run = Evaluate(
            EntryHelper("Entry0", GuestExpr.Or(GuestExpr.ShiftLeft(Pfn(), 12), GuestExpr.And(Prot(), Not(C("Grant"))))),
            Builder(
                GuestStatement.Call(GuestStatementKind.StoreCall, "Entry0", Pfn(), GuestExpr.Or(Raw(), C("Marker"))),
                GuestStatement.Call(GuestStatementKind.StoreCall, "Entry0", Pfn(), GuestExpr.Or(Raw(), C("Grant")))));
        Assert.Equal([0UL, ~(1UL << 62)], run.Reference.Summary("Entry0"));
        Assert.Equal(
            [
                $"prot & ~Grant: {Message("clears", "bit 62", GrantDebug)}",
                $"raw | Marker: {Message("sets", "bit 52", "bit 52 (GuestKernel) under configuration Debug")}",
            ],
            run.Findings(Pte101Setting.Debug));
        Assert.Equal([$"raw | Marker: {Message("sets", "bit 52", KernelNone)}"], run.Findings(Pte101Setting.None));
    }

    [Fact]
    public void HelperSummary_IsTransitive_AndAShiftedParameterBitDoesNotCount()
    {
        var run = Evaluate(
            EntryHelper("Entry0", Prot()),
            new GuestMethod("Entry1", GuestMethodKind.EntryHelper, [], [GuestStatement.Call(GuestStatementKind.ReturnCall, "Entry0", Pfn(), GuestExpr.And(Prot(), Not(C("Marker"))))]),
            EntryHelper("Entry2", GuestExpr.And(C("FrameMask"), GuestExpr.ShiftLeft(Prot(), 12))),
            Builder(
                GuestStatement.Call(GuestStatementKind.StoreCall, "Entry1", Pfn(), GuestExpr.Or(Raw(), C("XenBits"))),
                GuestStatement.Call(GuestStatementKind.StoreCall, "Entry2", Pfn(), GuestExpr.Or(Raw(), C("Frame40")))));
        Assert.Equal([0UL, ~(1UL << 52)], run.Reference.Summary("Entry1"));
        Assert.Equal([0UL, 0UL], run.Reference.Summary("Entry2"));
        Assert.Equal(
            [
                $"prot & ~Marker: {Message("clears", "bit 52", "bit 52 (GuestKernel) under configuration Debug")}",
                $"raw | XenBits: {Message("sets", "bit 62", GrantDebug)}",
            ],
            run.Findings(Pte101Setting.Debug));
        Assert.Equal([$"prot & ~Marker: {Message("clears", "bit 52", KernelNone)}"], run.Findings(Pte101Setting.None));
    }

    [Fact]
    public void IfElseJoin_BothWritersReach_WithTheirKindsAsVerbs()
    {
        var v0 = () => GuestExpr.Local(0);
        var run = Evaluate(Builder(
            [Raw()],
            GuestStatement.If("c0", [GuestStatement.Compound(GuestExprKind.Or, 0, C("Marker"))], [GuestStatement.Compound(GuestExprKind.And, 0, Not(C("Marker")))]),
            Store(v0())));
        Assert.Equal(
            [$"v0 |= Marker: {Message("sets", "bit 52", KernelNone)}", $"v0 &= ~Marker: {Message("clears", "bit 52", KernelNone)}"],
            run.Findings(Pte101Setting.None));
    }

    [Fact]
    public void AKnownZeroOnTheOtherSideOfAnAndDecidesTheBit_TheOrBeforeItIsNoWrite()
    {
        var run = Evaluate(Builder(Store(GuestExpr.And(
            GuestExpr.Or(Raw(), C("Marker")),
            GuestExpr.And(GuestExpr.ShiftLeft(Pfn(), 12), C("FrameMask"))))));
        Assert.Empty(run.Findings(Pte101Setting.None));
    }

    [Fact]
    public void MergingAnEntrysBitsBack_NeitherMaskDecidesThem()
    {
        var run = Evaluate(Builder(Store(GuestExpr.Or(
            GuestExpr.And(Raw(), Not(C("XenBits"))),
            GuestExpr.And(GuestExpr.EntryRaw(), C("XenBits"))))));
        Assert.Empty(run.Findings(Pte101Setting.Absent));
    }

    [Fact]
    public void XorVerbs_TogglesAnUnknownBit_SetsAClearedOne()
    {
        var run = Evaluate(Builder(
            Store(GuestExpr.Xor(Raw(), C("XenBits"))),
            Store(GuestExpr.Xor(GuestExpr.And(GuestExpr.EntryRaw(), Not(C("Marker"))), C("Marker")))));
        Assert.Equal(
            [
                $"raw ^ XenBits: {Message("toggles", "bits 52 and 62", $"{KernelAnywhere} and {GrantDebug}")}",
                $"(e.Raw & ~Marker) ^ Marker: {Message("sets", "bit 52", KernelAnywhere)}",
            ],
            run.Findings(Pte101Setting.Absent));
    }

    [Fact]
    public void ConstantsUsedAsValuesAreWriters_ConstantOperandsAreNot()
    {
        var run = Evaluate(Builder(
            Store(GuestExpr.Conditional("c0", C("Marker"), Raw())),
            GuestStatement.Of(GuestStatementKind.StoreTargetTypedNew, GuestExpr.Or(C("Grant"), GuestExpr.EntryRaw())),
            Store(GuestExpr.ShiftLeft(GuestExpr.Constant("1UL", 1), 52))));
        Assert.Equal(
            [
                $"Marker: {Message("sets", "bit 52", KernelAnywhere)}",
                $"Grant | e.Raw: {Message("sets", "bit 62", GrantDebug)}",
                $"1UL << 52: {Message("sets", "bit 52", KernelAnywhere)}",
            ],
            run.Findings(Pte101Setting.Absent));
    }

    [Fact]
    public void AShiftMovesAWriterOntoAReservedBit()
    {
        var run = Evaluate(Builder(
            Store(GuestExpr.ShiftLeft(GuestExpr.Or(Raw(), C("Frame40")), 12)),
            Store(GuestExpr.ShiftRight(GuestExpr.Or(Raw(), C("NoExecute")), 1))));
        Assert.Equal(
            [
                $"raw | Frame40: {Message("sets", "bit 52", "bit 52 (GuestKernel) under configuration Debug")}",
                $"raw | NoExecute: {Message("sets", "bit 62", GrantDebug)}",
            ],
            run.Findings(Pte101Setting.Debug));
    }

    [Fact]
    public void AddAndSubtractConstants_WriteTheConstantsBitsOnly()
    {
        var run = Evaluate(Builder(
            Store(GuestExpr.Binary(GuestExprKind.Add, Raw(), C("Marker"))),
            Store(GuestExpr.Binary(GuestExprKind.Subtract, Raw(), C("Marker"))),
            Store(GuestExpr.Binary(GuestExprKind.Add, Raw(), C("Frame40")))));
        Assert.Equal(
            [$"raw + Marker: {Message("sets", "bit 52", KernelNone)}", $"raw - Marker: {Message("clears", "bit 52", KernelNone)}"],
            run.Findings(Pte101Setting.None));
    }

    [Fact]
    public void CompoundMaskingOfALocal_IsReportedAtTheCompoundAssignment()
    {
        var run = Evaluate(Builder(
            [GuestExpr.EntryRaw()],
            GuestStatement.Compound(GuestExprKind.And, 0, C("LowMask")),
            Store(GuestExpr.Local(0))));
        Assert.Equal([$"v0 &= LowMask: {Message("clears", "bits 52 and 62", $"{KernelAnywhere} and {GrantDebug}")}"], run.Findings(Pte101Setting.Absent));
    }

    [Fact]
    public void NonSinks_ReportNothing()
    {
        GuestExpr Written() => GuestExpr.Or(Raw(), C("XenBits"));
        var run = Evaluate(
            new GuestMethod("Value0", GuestMethodKind.ValueHelper, [], [GuestStatement.Of(GuestStatementKind.ReturnValue, GuestExpr.Or(GuestExpr.Parameter("v"), C("Marker")))]),
            ValueBuilder(
                GuestStatement.Of(GuestStatementKind.Print, Written()),
                GuestStatement.Of(GuestStatementKind.PrintHash, Written()),
                GuestStatement.Of(GuestStatementKind.PrintTimes, Written()),
                GuestStatement.Of(GuestStatementKind.PrintComparison, Written()),
                GuestStatement.Call(GuestStatementKind.PrintValueCall, "Value0", Written()),
                GuestStatement.Of(GuestStatementKind.ReturnValue, GuestExpr.Or(GuestExpr.ValueCall("Value0", Written()), C("Grant")))));
        Assert.Equal([0UL], run.Reference.Summary("Value0"));
        run.ExpectNoneUnderAnySetting();
    }

    [Fact]
    public void AnEntryRawMadeFromAnEntry_IsASinkInsideAnExpression()
    {
        var run = Evaluate(ValueBuilder(GuestStatement.Of(GuestStatementKind.ReturnValue, GuestExpr.NewEntryRaw(GuestExpr.Or(Raw(), C("Marker"))))));
        Assert.Equal([$"raw | Marker: {Message("sets", "bit 52", KernelNone)}"], run.Findings(Pte101Setting.None));
    }
}
