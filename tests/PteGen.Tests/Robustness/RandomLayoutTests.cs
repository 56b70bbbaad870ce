using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace PteGen.Tests.Robustness;

/// <summary>
/// Feeds random layouts, valid and invalid, to PteGen's generator and layout analyzer and holds each to what
/// <see cref="LayoutOracle"/> (the declaration rules of docs/xen-pv-abi.md §3 and the diagnostics' pages, re-implemented
/// here) says it is:
/// <list type="number">
/// <item>nothing ever throws: no CS8785 (generator exception) and no AD0001 (analyzer exception);</item>
/// <item>an invalid layout gets a PTE0xx error that <c>dotnet build</c> shows (the generator's, when the compilation has
/// an error of the compiler's, since then no analyzer runs), once, and its generated file has no compiler error;</item>
/// <item>a layout whose only problem is the compiler's (a claim type that does not resolve) gets that error and nothing
/// of PteGen's;</item>
/// <item>a valid layout compiles without any diagnostic (warnings included, but the compiler's about the user's own
/// code), and its generated type has the full API with the masks the oracle computes.</item>
/// </list>
/// Layouts are compiled in batches (one file and one namespace each) to share the cost of a compilation; every
/// diagnostic is attributed to its layout by file and declaration. A failing batch is shrunk by CsCheck, and the
/// failure names the layout at fault with its source, the oracle's reasons and the diagnostics.
/// </summary>
/// <remarks>
/// <c>PTEGEN_FUZZ_LAYOUTS</c> sets how many layouts a run checks (default <see cref="DefaultLayouts"/>, under a
/// minute), <c>PTEGEN_FUZZ_MAX_TERMS</c> the longest <c>When</c> chain, and <c>CsCheck_Seed</c> replays a run.
/// </remarks>
public sealed class RandomLayoutTests(ITestOutputHelper output)
{
    private const int LayoutsPerBatch = 8;

    private const int DefaultLayouts = 512;

    /// <summary>Every declaration shape, those of the bugs the fuzzer found (<see cref="KnownBugs"/>, now fixed) included.</summary>
    [Fact]
    public void EveryRandomLayoutIsGeneratedOrDiagnosedAsTheOracleSays() => Run(GenerationOptions.Everything);

    private void Run(GenerationOptions options)
    {
        var layouts = GenerationOptions.FromEnvironment("PTEGEN_FUZZ_LAYOUTS", DefaultLayouts);
        var (valid, invalid, batches) = (0, 0, 0);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            new LayoutGenerators(options).Layouts.Array[LayoutsPerBatch].Sample(
                batch =>
                {
                    var result = LayoutChecker.Check(batch);
                    Interlocked.Add(ref valid, result.Valid);
                    Interlocked.Add(ref invalid, result.Invalid);
                    Interlocked.Increment(ref batches);
                    if (result.Failures.Count > 0)
                    {
                        throw new Xunit.Sdk.XunitException(string.Join("\n----------------\n", result.Failures));
                    }
                },
                iter: Math.Max(1, layouts / LayoutsPerBatch),
                print: LayoutChecker.Print);
        }
        finally
        {
            // Process CPU time includes whatever else the test process runs meanwhile (xunit runs classes in parallel).
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            output.WriteLine($"{valid + invalid} layouts ({valid} valid, {invalid} invalid) in {batches} compilations, {watch.Elapsed.TotalSeconds:F1} s ({cpuSeconds:F1} s of process CPU time).");
        }

        // A case twin is a second layout in its slot, so there may be more layouts than asked for, never fewer.
        var total = valid + invalid;
        Assert.True(total >= layouts / LayoutsPerBatch * LayoutsPerBatch, $"only {total} layouts were checked");
        Assert.True(valid >= total / 5, $"only {valid} of {total} layouts were valid: the valid side is barely tested");
        Assert.True(invalid >= total / 5, $"only {invalid} of {total} layouts were invalid: the invalid side is barely tested");
    }
}
