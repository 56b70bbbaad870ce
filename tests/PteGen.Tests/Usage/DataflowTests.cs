using Microsoft.CodeAnalysis;
using static PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// PTE101 as a data flow: a value is followed to where it becomes an entry, whatever it came from. Every sink kind
/// and every forcing operation has a test that it fires (id, span, verb, bits) and a twin nearby that stays silent.
/// The guest references the Xen layout assembly; the configuration is absent unless a test says otherwise.
/// </summary>
public sealed class DataflowTests
{
    /// <summary>The constants a PV guest defines for itself (Linux's _PAGE_* style), and its enum flags.</summary>
    private const string GuestConstants = """
            public const ulong Present = 1UL << 0, Rw = 1UL << 1, Accessed = 1UL << 5, Dirty = 1UL << 6, Nx = 1UL << 63;
            public const ulong Marker = 1UL << 52, Grant = 1UL << 62, PageKernel = Present | Rw | Accessed | Dirty | Nx;
            public const ulong FrameMask = 0x000F_FFFF_FFFF_F000UL, Soft9 = 1UL << 9, Soft57 = 1UL << 57;

            [Flags]
            public enum PteFlags : ulong { None = 0, Present = 1, Rw = 2, Grant = 1UL << 62 }

            public static L1e PfnPte(ulong pfn, ulong prot) => new L1e((pfn << 12) | prot);
        """;

    private const string KernelAny = "bit 52 (GuestKernel) in every configuration (None, Debug, Pke)";
    private const string GrantDebug = "bit 62 (GrantMapping) under configuration Debug";

    private static string Message(string verb, string bits, string owners) => $"Guest code {verb} {bits} of 'L1e': Xen reserves {owners}";

    private static GuestRun RunMembers(string members, UsageSettings? settings = null, bool allowUnsafe = false) =>
        Run(Members(GuestConstants + "\n" + members), settings, allowUnsafe: allowUnsafe);

    /// <summary>The examples a new user found unreported (or wrongly reported) with the origin-based rule.</summary>
    [Theory]
    [InlineData("public static L1e A(ulong raw) => new L1e([|raw | (1UL << 62)|]);", "sets")]
    [InlineData("public static L1e B(ulong pfn) => PfnPte(pfn, [|PageKernel | Grant|]);", "sets")]
    [InlineData("public static L1e C(ulong pfn) => new L1e([|(pfn << 12) | (ulong)(PteFlags.Present | PteFlags.Grant)|]);", "sets")]
    [InlineData("public static Func<ulong, L1e> E() => v => new L1e([|v | Grant|]);", "sets")]
    [InlineData("public static L1e F(ulong pfn) { return Make(pfn); L1e Make(ulong p) => new L1e([|(p << 12) | Grant|]); }", "sets")]
    [InlineData("public static L1e G(ulong pfn) { return Make(pfn, [|Grant|]); static L1e Make(ulong p, ulong f) => new L1e((p << 12) | f); }", "sets")]
    public void TheGrantBitIsFollowedToTheEntry(string members, string verb)
    {
        RunMembers(members).ExpectSingle("PTE101", Message(verb, "bit 62", GrantDebug));
        RunMembers(members, UsageSettings.Config("Debug")).ExpectSingle("PTE101", Message(verb, "bit 62", "bit 62 (GrantMapping) under configuration Debug"));
        RunMembers(members, UsageSettings.Config("None")).ExpectNone("PTE101");
        RunMembers(members, UsageSettings.Config("Pke")).ExpectNone("PTE101");
    }

    [Fact]
    public void AKernelMarkerWrittenInALoopIsReportedUnderEveryConfiguration()
    {
        const string members = """
                public static void D(L1e[] t, ulong[] raws) { for (int i = 0; i < t.Length; i++) t[i] = new L1e([|raws[i] | Marker|]); }
            """;
        RunMembers(members).ExpectSingle("PTE101", Message("sets", "bit 52", KernelAny));
        RunMembers(members, UsageSettings.Config("None")).ExpectSingle("PTE101", Message("sets", "bit 52", "bit 52 (GuestKernel) under configuration None"));
        RunMembers(members, UsageSettings.Config("Pke")).ExpectSingle("PTE101", Message("sets", "bit 52", "bit 52 (GuestKernel) under configuration Pke"));
    }

    /// <summary>Twins: the same shapes with bits that are not Xen's, or values that never become an entry.</summary>
    [Theory]
    [InlineData("public static ulong FrameOf(L1e e) => e.Raw & 0x000F_FFFF_FFFF_F000UL;")]
    [InlineData("public static L1e A(ulong raw) => new L1e(raw | Soft9 | Soft57);")] // guest-available bits
    [InlineData("public static L1e A(ulong raw) => new L1e(raw | (1UL << 58) | (7UL << 9));")]
    [InlineData("public static L1e B(ulong pfn) => PfnPte(pfn, PageKernel);")] // hardware bits
    [InlineData("public static L1e C(ulong pfn) => new L1e((pfn << 12) | (ulong)(PteFlags.Present | PteFlags.Rw));")]
    [InlineData("public static L1e P(ulong pfn) => new L1e((pfn << 12) & FrameMask);")] // a shifted number's bits cleared
    [InlineData("public static L1e P(ulong pfn, ulong prot) => new L1e(((pfn << 12) & FrameMask) | prot);")]
    [InlineData("public static L1e K(L1e e) => new L1e(e.Raw);")] // an entry's own bits carried through
    [InlineData("public static L1e K(L1e e) => new L1e(e.Raw | L1e.DirtyMask);")]
    [InlineData("public static L1e K(L1e e, ulong pfn) => new L1e((e.Raw & ~FrameMask) | (pfn << 12));")]
    [InlineData("public static ulong H(ulong raw) => (raw ^ (1UL << 62)) * 31;")] // hashed and returned
    [InlineData("public static int H(ulong raw) => (raw | Grant).GetHashCode();")]
    [InlineData("public static bool T(ulong raw) => (raw | Grant) == raw;")] // compared
    [InlineData("public static void W(ulong raw) => Console.WriteLine(raw | Marker);")] // printed
    [InlineData("public static ulong S(ulong raw) { var v = raw | Grant; ulong copy = v; return copy; }")] // plain locals
    [InlineData("public static void S(ulong[] shadow, ulong raw) => shadow[0] = raw | Grant;")] // a plain ulong[]
    [InlineData("public static L1e N(ulong raw) { Log(raw | Grant); return new L1e(raw); } static void Log(ulong v) => Console.WriteLine(v);")]
    [InlineData("public static L1e Shift(ulong raw, int n) => new L1e(raw | (Grant >> n << n));")] // a non-constant shift: unknown
    [InlineData("public static Func<ulong, ulong> E() => v => v | Grant;")] // a lambda that returns a ulong
    public void ValuesThatDoNotForceXenBitsIntoAnEntryAreClean(string members)
    {
        RunMembers(members).ExpectNone("PTE101");
        RunMembers(members, UsageSettings.Config("Debug")).ExpectNone("PTE101");
    }

    /// <summary>Every forcing operation, at its own span, with its verb.</summary>
    [Theory]
    [InlineData("public static L1e M(ulong raw) => new L1e([|raw & ~Marker|]);", "clears", "bit 52")]
    [InlineData("public static L1e M(ulong raw) => new L1e([|raw ^ Marker|]);", "toggles", "bit 52")]
    [InlineData("public static L1e M(L1e e) => new L1e([|e.Raw + L1e.GuestKernelMask|]);", "sets", "bit 52")]
    [InlineData("public static L1e M(L1e e) => new L1e([|e.Raw - L1e.GuestKernelMask|]);", "clears", "bit 52")]
    [InlineData("public static L1e M(L1e e) => new L1e(~([|~e.Raw & ~L1e.GuestKernelMask|]));", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw) => new L1e([|raw & 0xFFF|]);", "clears", "bits 52 and 62")]
    [InlineData("public static L1e M() => new L1e([|Marker|]);", "sets", "bit 52")]
    [InlineData("public static L1e M() => new L1e([|0x0010000000000001|]);", "sets", "bit 52")]
    [InlineData("public static L1e M() => new L1e(checked([|Marker | Present|]));", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw) { var v = raw; [|v |= Marker|]; return new L1e(v); }", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw) { var v = raw; [|v &= ~Marker|]; return new L1e(v); }", "clears", "bit 52")]
    [InlineData("public static L1e M(ulong raw) { var v = raw; [|v ^= Marker|]; return new L1e(v); }", "toggles", "bit 52")]
    [InlineData("public static L1e M(ulong raw) { ulong v = [|1|]; v <<= 52; return new L1e(raw | v); }", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw) { const int shift = 52; return new L1e([|raw | (1UL << shift)|]); }", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw, bool k) => new L1e(raw | (k ? [|Marker|] : 0));", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw, int k) => new L1e(raw | k switch { 0 => Present, _ => [|Marker|] });", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw, uint low) => new L1e(raw | ([|(ulong)low << 32 | Marker|]));", "sets", "bit 52")]
    [InlineData("public static L1e M(ulong raw) => new L1e([|raw | (ulong)(long)(1L << 52)|]);", "sets", "bit 52")]
    public void EachForcingOperationIsReportedAtItself(string members, string verb, string bits)
    {
        var owners = bits == "bit 52" ? KernelAny : $"{KernelAny} and {GrantDebug}";
        RunMembers(members).ExpectSingle("PTE101", Message(verb, bits, owners));
    }

    [Fact]
    public void ABitForcedOnAnyPathCounts()
    {
        RunMembers("""
                public static L1e M(ulong pfn, bool grant, bool kernel)
                {
                    var v = (pfn << 12) | Present;
                    if (grant) [|v |= Grant|];
                    if (kernel) { [|v |= Marker|]; } else { v |= Soft9; }
                    return new L1e(v);
                }
            """).Expect("PTE101", Message("sets", "bit 62", GrantDebug), Message("sets", "bit 52", KernelAny));
    }

    [Fact]
    public void ALaterOperationThatForcesTheSameBitAgainIsTheOneReported()
    {
        RunMembers("""
                public static L1e M(ulong raw)
                {
                    var v = raw | Grant;
                    [|v &= ~Grant|];
                    return new L1e(v);
                }
            """).ExpectSingle("PTE101", Message("clears", "bit 62", GrantDebug));
    }

    [Fact]
    public void ClearingABitAlreadyKnownZeroIsNoWrite()
    {
        RunMembers("""
                public static L1e M(ulong raw)
                {
                    var v = [|raw & ~Marker|];
                    v &= ~Marker;
                    v |= Soft9;
                    return new L1e(v);
                }
            """).ExpectSingle("PTE101", Message("clears", "bit 52", KernelAny));
    }

    [Fact]
    public void HelpersPassTheirArgumentsToTheEntryTransitivelyAndOnlyTheBitsThatReachIt()
    {
        RunMembers("""
                static L1e Outer(ulong flags) => Inner(flags | Present);
                static L1e Inner(ulong flags) => new L1e(flags);
                static L1e Sanitized(ulong flags) => new L1e([|flags & ~Marker|]);
                static void NotAnEntry(ulong flags) => Console.WriteLine(flags);

                public static L1e Use(ulong pfn)
                {
                    NotAnEntry(Grant);
                    Sanitized(Soft9);
                    return Outer([|Grant|]);
                }
            """).Expect("PTE101", Message("clears", "bit 52", KernelAny), Message("sets", "bit 62", GrantDebug));
    }

    [Fact]
    public void RecursiveHelpersReachTheirFixedPoint()
    {
        RunMembers("""
                static L1e Rec(ulong v, int n) => n == 0 ? new L1e(v) : Rec(v, n - 1);
                static L1e Ping(ulong v, int n) => n == 0 ? new L1e(v) : Pong(v, n - 1);
                static L1e Pong(ulong v, int n) => Ping(v, n);

                public static L1e Use() => Rec([|Grant|], 3);

                public static L1e Use2() => Pong([|Marker|], 3);
            """).Expect("PTE101", Message("sets", "bit 62", GrantDebug), Message("sets", "bit 52", KernelAny));
    }

    [Fact]
    public void MarkedMembersAreEntries()
    {
        RunMembers("""
                [PteValue(typeof(L1e))] public ulong Slot { get; set; }
                [PteValue(typeof(L1e))] private ulong _pending;

                static int MmuUpdate(ulong ptr, [PteValue(typeof(L1e))] ulong val) => 0;

                public void Use(ulong ptr, ulong raw)
                {
                    MmuUpdate(ptr, [|raw | Grant|]);
                    MmuUpdate(raw | Grant, raw); // the machine address is no entry
                    Slot = [|raw & ~Marker|];
                    [|_pending |= Marker|];
                }
            """).Expect(
                "PTE101",
                Message("sets", "bit 62", GrantDebug),
                Message("clears", "bit 52", KernelAny),
                Message("sets", "bit 52", KernelAny));
    }

    [Fact]
    public void AHypercallWrapperInAnotherAssemblyIsASink()
    {
        var hypercalls = EmitLibrary("Hypercalls", """
            using PteGen;
            using XenPv;

            namespace Guest.Hypercalls;

            public static class Mmu
            {
                public static int Update(ulong ptr, [PteValue(typeof(L1e))] ulong val) => 0;

                public static int UpdateVaMapping(ulong va, [PteValue(typeof(L1e))] ulong newVal, ulong flags) => 0;
            }
            """);
        var run = Run(
            Members(GuestConstants + """

                    public static void Use(ulong ptr, ulong pfn)
                    {
                        Guest.Hypercalls.Mmu.Update(ptr, [|(pfn << 12) | PageKernel | Grant|]);
                        Guest.Hypercalls.Mmu.UpdateVaMapping(0x1000, (pfn << 12) | PageKernel, Grant);
                    }
                """),
            extraReferences: [hypercalls]);
        run.ExpectSingle("PTE101", Message("sets", "bit 62", GrantDebug));
    }

    [Fact]
    public void WritesIntoAnEntrysOwnStorageAreWrites()
    {
        RunMembers(
            """
                public static unsafe void Pointers(L1e* table)
                {
                    ulong* q = (ulong*)table;
                    [|*q |= L1e.GuestKernelMask|];
                    [|q[1] ^= L1e.GrantMappingMask|];
                    *(ulong*)(table + 2) = [|q[2] & ~Marker|];
                    ulong local = 0;
                    ulong* notAnEntry = &local;
                    *notAnEntry |= Marker;
                }

                public static void Reinterpreted(ref L1e e, Span<L1e> span)
                {
                    [|System.Runtime.CompilerServices.Unsafe.As<L1e, ulong>(ref e) |= Marker|];
                    ref ulong raw = ref System.Runtime.CompilerServices.Unsafe.As<L1e, ulong>(ref span[0]);
                    [|raw |= Grant|];
                    Span<ulong> raws = System.Runtime.InteropServices.MemoryMarshal.Cast<L1e, ulong>(span);
                    [|raws[1] |= Marker|];
                }
            """,
            allowUnsafe: true).Expect(
                "PTE101",
                Message("sets", "bit 52", KernelAny),
                Message("toggles", "bit 62", GrantDebug),
                Message("clears", "bit 52", KernelAny),
                Message("sets", "bit 52", KernelAny),
                Message("sets", "bit 62", GrantDebug),
                Message("sets", "bit 52", KernelAny));
    }

    [Fact]
    public void EnumAndNarrowConstantsAreFollowedThroughCasts()
    {
        RunMembers("""
                [Flags] public enum HighFlags : uint { None = 0, Kernel = 1u << 20, Grant = 1u << 30 }

                public static L1e M(ulong raw) => new L1e([|raw | ((ulong)HighFlags.Kernel << 32)|]);

                public static L1e Twin(ulong raw) => new L1e(raw | (ulong)HighFlags.Kernel); // bit 20: the frame
            """).ExpectSingle("PTE101", Message("sets", "bit 52", KernelAny));
    }

    [Fact]
    public void ALongChainOfLocalsIsFollowedInLinearTime()
    {
        // A guard against the quadratic walk this replaced (34.7 s at 10,000), not a performance figure (see the
        // benchmarks): four times the chain may take at most about four times as long (a quadratic walk: sixteen).
        // A ratio, not a wall-clock limit, so a loaded machine slows both runs alike.
        // The better of two runs each, so a moment of load on a shared machine does not decide it.
        var quarter = Min(TimeChain(2_500), TimeChain(2_500));
        var whole = Min(TimeChain(10_000), TimeChain(10_000));
        Assert.True(whole < quarter * 9 + TimeSpan.FromSeconds(4), $"2,500 locals took {quarter}, 10,000 took {whole}");
    }

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second;

    private static TimeSpan TimeChain(int length)
    {
        var body = new System.Text.StringBuilder("public static L1e Chain(ulong a0) {\n");
        for (var index = 1; index <= length; index++)
        {
            body.Append(index == length / 2 ? $"var a{index} = [|a{index - 1} | Marker|];\n" : $"var a{index} = a{index - 1} | Soft9;\n");
        }

        body.Append($"return new L1e(a{length}); }}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        RunMembers(body.ToString()).ExpectSingle("PTE101", Message("sets", "bit 52", KernelAny));
        return watch.Elapsed;
    }

    [Fact]
    public void DeepExpressionsDoNotOverflowTheStack()
    {
        var wide = new System.Text.StringBuilder("raw");
        for (var index = 0; index < 2_000; index++)
        {
            wide.Append(index == 1_000 ? " | Marker" : " | raw");
        }

        // 2,000 nested "|" as C# parses them (left-nested), with one constant operand: reported at its "|".
        var run = RunMembers($"public static L1e Wide(ulong raw) => new L1e({wide});");
        Assert.Equal(Message("sets", "bit 52", KernelAny), Assert.Single(run.Of("PTE101")).GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // Right-nested parentheses 2,000 deep: the compiler refuses them (CS8078), the IDE still runs the analyzers.
        var nested = new System.Text.StringBuilder();
        for (var index = 0; index < 2_000; index++)
        {
            nested.Append("(raw | ");
        }

        nested.Append("Grant").Append(')', 2_000);
        var source = Members(GuestConstants + $"\npublic static L1e Deep(ulong raw) => new L1e({nested});");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Guest",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, UsageHarness.ParseOptions, path: GuestPath)],
            GuestReferences,
            UsageHarness.CompilationOptions);
        Analyze(compilation, UsageSettings.Default.ToAnalyzerOptions(), GuestAnalyzers);
    }

    /// <summary>A helper that returns a plain ulong: its forced bits are reported at the call whose value becomes an entry.</summary>
    [Fact]
    public void ReturnedValuesAreFollowedIntoTheCaller()
    {
        RunMembers("""
                static ulong KernelPteVal(ulong mfn) => (mfn << 12) | PageKernel | Marker;
                static ulong Flags(ulong extra) => extra | Present;
                static ulong Hash(ulong v) => v * 31;

                public static L1e Map(ulong mfn) => new L1e([|KernelPteVal(mfn)|]);

                public static L1e Map2(ulong mfn) => new L1e((mfn << 12) | Flags([|Grant|]));

                public static L1e Clean(ulong mfn) => new L1e((mfn << 12) | Flags(Soft9) | Hash(Grant));

                public static void Print(ulong mfn) => Console.WriteLine(KernelPteVal(mfn));
            """).Expect("PTE101", Message("sets", "bit 52", KernelAny), Message("sets", "bit 62", GrantDebug));
    }

    /// <summary>Atomic writes into an entry's storage, as pmap code does them.</summary>
    [Fact]
    public void InterlockedAndVolatileWritesIntoEntriesAreWrites()
    {
        RunMembers(
            """
                public static unsafe void Atomics(L1e* ptep, L1e[] table, ulong mfn, ulong old)
                {
                    System.Threading.Interlocked.Or(ref System.Runtime.CompilerServices.Unsafe.As<L1e, ulong>(ref table[0]), [|Grant|]);
                    System.Threading.Interlocked.And(ref *(ulong*)ptep, [|~Marker|]);
                    System.Threading.Interlocked.CompareExchange(ref *(ulong*)ptep, [|old | Marker|], old);
                    System.Threading.Volatile.Write(ref *(ulong*)ptep, [|(mfn << 12) | PageKernel | Grant|]);
                    ulong plain = 0;
                    System.Threading.Interlocked.Or(ref plain, Grant);
                    System.Threading.Volatile.Write(ref *(ulong*)ptep, (mfn << 12) | PageKernel);
                }
            """,
            allowUnsafe: true).Expect(
                "PTE101",
                Message("sets", "bit 62", GrantDebug),
                Message("clears", "bit 52", KernelAny),
                Message("sets", "bit 52", KernelAny),
                Message("sets", "bit 62", GrantDebug));
    }

    /// <summary>Merging Xen's bits back from the installed entry forces none of them: the other side decides.</summary>
    [Theory]
    [InlineData("public static L1e Merge(L1e old, ulong v) => new L1e((v & ~L1e.GuestKernelMask) | (old.Raw & L1e.GuestKernelMask));")]
    [InlineData("public static unsafe void Merge(L1e* p, ulong v, ulong old) { const ulong xen = Marker | Grant; *(ulong*)p = (v & ~xen) | (old & xen); }")]
    [InlineData("public static L1e Modify(L1e pte, ulong prot) => new L1e((pte.Raw & FrameMask) | (prot & ~FrameMask));")]
    [InlineData("public static L1e Copy(L1e e, L1e old) => e.WithGuestKernel(old.GuestKernel).WithGrantMapping(old.GrantMapping);")]
    public void KeepingXensBitsIsNoWrite(string members)
    {
        RunMembers(members, allowUnsafe: true).ExpectNone("PTE101");
    }

    /// <summary>A number's bit does not give back a cleared entry bit: the kernel marker is still stripped.</summary>
    [Fact]
    public void ClearingAndOrringANumberStillClears()
    {
        RunMembers("public static L1e Strip(L1e e, ulong pfn) => new L1e([|e.Raw & ~Marker|] | (pfn << 12));")
            .ExpectSingle("PTE101", Message("clears", "bit 52", KernelAny));
    }

    /// <summary>A pointer or reference parameter marked [PteValue] points into entries.</summary>
    [Fact]
    public void MarkedPointerAndReferenceParametersAreEntryStorage()
    {
        RunMembers(
            """
                public static unsafe void SetPte([PteValue(typeof(L1e))] ulong* ptep, ulong v) => [|*ptep |= Marker|];

                public static void SetRef([PteValue(typeof(L1e))] ref ulong pte) => [|pte ^= Grant|];

                public static unsafe void Twin(ulong* plain) => *plain |= Marker;
            """,
            allowUnsafe: true).Expect("PTE101", Message("sets", "bit 52", KernelAny), Message("toggles", "bit 62", GrantDebug));
    }

    /// <summary>Summaries of a long call chain are computed with an explicit stack, callees first.</summary>
    [Fact]
    public void ALongChainOfHelpersIsSummarizedWithoutRecursion()
    {
        const int length = 2_000;
        var helpers = new System.Text.StringBuilder();
        for (var index = 0; index < length; index++)
        {
            helpers.AppendLine(index == length - 1
                ? $"static L1e H{index}(ulong v) => new L1e(v);"
                : $"static L1e H{index}(ulong v) => H{index + 1}(v | Soft9);");
        }

        RunMembers(helpers + "public static L1e Use() => H0([|Grant|]);").ExpectSingle("PTE101", Message("sets", "bit 62", GrantDebug));
    }

    /// <summary>
    /// A helper's result that carries its argument's bits, shifted at the call: the shift moves the argument's writers
    /// (found by the differential test: the screen took every call's result for a value no operation had decided).
    /// </summary>
    [Theory]
    [InlineData("static ulong Id(ulong v) => v; public static L1e A(ulong r) => new L1e(Id([|r | (1UL << 40)|]) << 12);")]
    [InlineData("static ulong Id(ulong v) { System.Console.WriteLine(v ^ 2); return v; } public static L1e A(L1e e) { ulong v0 = [|e.Raw | 0x000F_FFFF_FFFF_F000UL|]; return new L1e(Id(v0) << 12); }")]
    public void AHelpersResultShiftedAtTheCallMovesTheArgumentsWriters(string members)
    {
        RunMembers(members, UsageSettings.Config("None")).ExpectSingle("PTE101", Message("sets", "bit 52", "bit 52 (GuestKernel) under configuration None"));
    }

    /// <summary>The twin: a call whose result carries no decided bit moves nothing when it is shifted.</summary>
    [Fact]
    public void AShiftedResultOfAHelperThatDecidesNothingIsClean()
    {
        RunMembers("static ulong Id(ulong v) => v; public static L1e A(ulong r) => new L1e(Id(r & FrameMask) << 12);", UsageSettings.Config("None")).ExpectNone("PTE101");
    }
}
