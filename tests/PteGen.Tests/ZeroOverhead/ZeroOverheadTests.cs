using System.Runtime.InteropServices;
using System.Text;
using Xunit.Abstractions;

namespace PteGen.Tests.ZeroOverhead;

/// <summary>
/// docs/xen-pv-abi.md §4, "zero overhead": every generated getter and <c>With…</c> method of the x86-64 L1 layout compiles (JIT,
/// optimized, x64) to no more code bytes than the hand-written mask-and-shift code that does the same. Measured with
/// <c>DOTNET_JitDisasm</c> in one child process (see <see cref="ProbeRun"/>), not assumed.
/// </summary>
public sealed class ZeroOverheadTests(ProbeRun run, ITestOutputHelper output) : IClassFixture<ProbeRun>
{
    public static TheoryData<string> Accessors => [.. ProbeSource.Accessors];

    [Fact]
    public void ProbeRunsAndEachPairComputesTheSameEntries()
    {
        Assert.True(
            run.ExitCode == 0 && run.StandardOutput.Contains("PROBE OK", StringComparison.Ordinal),
            "The probe failed or found a generated accessor and its hand-written twin disagreeing:\n" + run.Describe());
    }

    [Fact]
    public void EveryProbeMethodIsInTheListingOnceAndOptimized()
    {
        var problems = new List<string>();
        foreach (var method in ProbeSource.Accessors.SelectMany(a => new[] { "Generated_" + a, "Hand_" + a }))
        {
            var listings = run.Methods.Where(m => m.Name == method).ToList();
            if (listings.Count != 1)
            {
                problems.Add($"{method}: {listings.Count} listings (expected exactly 1)");
            }
            else if (!listings[0].IsOptimized)
            {
                problems.Add($"{method}: not optimized code: {listings[0].Header}");
            }
        }

        var expected = ProbeSource.Accessors.Count() * 2;
        var summary = Summary();
        output.WriteLine(summary);
        Assert.True(
            problems.Count == 0 && run.Methods.Count == expected,
            $"Expected {expected} probe methods in the JIT listing, found {run.Methods.Count}:\n{string.Join("\n", problems)}\n\n{summary}\n{run.Describe()}\nlisting file ({run.RawListing.Length} chars):\n{Truncate(run.RawListing)}");
    }

    [Theory]
    [MemberData(nameof(Accessors))]
    public void GeneratedAccessorIsNoLargerThanHandWritten(string accessor)
    {
        var generated = run.Find("Generated_" + accessor);
        var hand = run.Find("Hand_" + accessor);
        if (generated is null || hand is null)
        {
            Assert.Fail($"{accessor}: the JIT listing lacks {(generated is null ? "Generated_" + accessor + " " : "")}{(hand is null ? "Hand_" + accessor : "")}\n{run.Describe()}");
            return;
        }

        output.WriteLine($"{accessor}: generated {generated.CodeBytes} bytes, hand-written {hand.CodeBytes} bytes");
        Assert.True(
            generated.CodeBytes <= hand.CodeBytes,
            $"""
            {accessor}: the generated accessor compiles to {generated.CodeBytes} bytes of code, the hand-written one to {hand.CodeBytes}.

            ==== generated ====
            {generated.Text}

            ==== hand-written ====
            {hand.Text}
            """);
    }

    private string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"JIT code bytes per accessor ({RuntimeInformation.ProcessArchitecture}, {RuntimeInformation.FrameworkDescription}, child: {string.Join(" ", run.ChildEnvironment.Where(kv => kv.Key != "DOTNET_JitStdOutFile").Select(kv => $"{kv.Key}={kv.Value}"))})");
        text.AppendLine($"{"accessor",-22} {"generated",9} {"hand",6}  verdict");
        foreach (var accessor in ProbeSource.Accessors)
        {
            var generated = run.Find("Generated_" + accessor);
            var hand = run.Find("Hand_" + accessor);
            var verdict = generated is null || hand is null ? "MISSING" : generated.CodeBytes <= hand.CodeBytes ? "ok" : "LARGER";
            text.AppendLine($"{accessor,-22} {generated?.CodeBytes.ToString() ?? "-",9} {hand?.CodeBytes.ToString() ?? "-",6}  {verdict}");
        }

        return text.ToString();
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + "\n...";
}
