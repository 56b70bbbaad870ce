using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// Differential test of PTE101 against the independent reference of pte101-spec.md (<see cref="ReferenceEvaluator"/>):
/// thousands of random guest programs (<see cref="ProgramGenerators"/>), each analyzed under PteGenConfiguration None,
/// Debug, Pke and absent, must get exactly the reference's diagnostics (span and message). Programs are checked in
/// batches (one file, one compilation, four analyses) to keep the run short. Every batch runs to the end, so the
/// counts are whole even when some disagree; the failure then shows the smallest disagreeing programs with, per
/// setting, the expected and the actual lists. The reference follows the spec, not today's analyzer, so the test
/// stays meaningful when the dataflow engine replaces it.
/// </summary>
[Trait("Category", "Differential")]
public sealed class Pte101DifferentialTests(ITestOutputHelper output)
{
    private const int ProgramsPerBatch = 32;

    /// <summary>2,048 programs, each under four settings.</summary>
    private const int Batches = 64;

    private const int ShownDisagreements = 3;

    [Fact]
    public void TheAnalyzerReportsExactlyWhatTheSpecSays()
    {
        var totals = new DifferentialTotals();
        var shown = new List<(int Length, string Description)>();
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            ProgramGenerators.Program.Array[ProgramsPerBatch].Sample(
                programs =>
                {
                    var result = DifferentialChecker.Check(programs);
                    lock (totals)
                    {
                        totals.Add(result);
                        foreach (var program in result.DisagreeingPrograms)
                        {
                            shown.Add((result.SourceLength(program), result.Describe(program)));
                        }

                        foreach (var stray in result.Stray)
                        {
                            shown.Add((0, $"PTE101 outside every program: {stray}"));
                        }

                        shown.Sort((left, right) => left.Length.CompareTo(right.Length));
                        if (shown.Count > ShownDisagreements)
                        {
                            shown.RemoveRange(ShownDisagreements, shown.Count - ShownDisagreements);
                        }
                    }
                },
                iter: Batches,
                print: programs => $"{programs.Length} programs");
        }
        finally
        {
            // Process CPU time includes whatever else the test process runs meanwhile (xunit runs classes in parallel).
            output.WriteLine(totals.Report(watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu));
        }

        Assert.True(totals.Programs >= 2000, $"only {totals.Programs} programs were checked");
        Assert.True(
            totals.Disagreements == 0 && totals.Stray == 0,
            $"{totals.Disagreements} of {totals.Checks} (program, setting) checks disagree with the reference, {totals.Stray} stray diagnostics. "
            + $"The smallest:{Environment.NewLine}{string.Join($"{Environment.NewLine}----------------{Environment.NewLine}", shown.Select(s => s.Description))}");
    }
}
