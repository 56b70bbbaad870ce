using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace PteGen.Tests.Robustness;

/// <summary>
/// Feeds thousands of random layouts, valid and invalid, to PteGen's generator and layout analyzer and holds each to
/// what <see cref="LayoutOracle"/> (the declaration rules of docs/xen-pv-abi.md §3, re-implemented here) says it is:
/// <list type="number">
/// <item>nothing ever throws: no CS8785 (generator exception) and no AD0001 (analyzer exception);</item>
/// <item>an invalid layout gets at least one PTE0xx error, and its generated file has no compiler error;</item>
/// <item>a valid layout compiles without any diagnostic (warnings included), and its generated type has the full API
/// with the masks the oracle computes.</item>
/// </list>
/// Layouts are compiled in batches (one file and one namespace each) to share the cost of a compilation; every
/// diagnostic is attributed to its layout by file. A failing batch is shrunk by CsCheck, and the failure names the
/// layout at fault with its source, the oracle's reasons and the diagnostics.
/// </summary>
public sealed class RandomLayoutTests(ITestOutputHelper output)
{
    private const int LayoutsPerBatch = 8;

    /// <summary>2,048 layouts.</summary>
    private const int Batches = 256;

    [Fact]
    public void EveryRandomLayoutIsGeneratedOrDiagnosedAsTheOracleSays()
    {
        var (valid, invalid, batches) = (0, 0, 0);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            LayoutGenerators.Layouts.Array[LayoutsPerBatch].Sample(
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
                iter: Batches,
                print: LayoutChecker.Print);
        }
        finally
        {
            // Process CPU time includes whatever else the test process runs meanwhile (xunit runs classes in parallel).
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            output.WriteLine($"{valid + invalid} layouts ({valid} valid, {invalid} invalid) in {batches} compilations, {watch.Elapsed.TotalSeconds:F1} s ({cpuSeconds:F1} s of process CPU time).");
        }

        var total = valid + invalid;
        Assert.True(total >= 2000, $"only {total} layouts were checked");
        Assert.True(valid >= total / 5, $"only {valid} of {total} layouts were valid: the valid side is barely tested");
        Assert.True(invalid >= total / 5, $"only {invalid} of {total} layouts were invalid: the invalid side is barely tested");
    }
}
