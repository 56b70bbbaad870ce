using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// Checks one batch of programs: renders them into one guest file, compiles it once (the harness asserts it compiles,
/// and fails on an analyzer exception or AD0001), analyzes that compilation under each configuration setting, and
/// compares each program's PTE101 diagnostics (span and message) with the reference's, exactly.
/// </summary>
internal static class DifferentialChecker
{
    public static BatchResult Check(IReadOnlyList<GuestProgram> programs)
    {
        var watch = Stopwatch.StartNew();
        var batch = ProgramRenderer.Render(programs);
        var references = batch.Programs.Select(placed => ReferenceEvaluator.Evaluate(placed.Program)).ToList();
        var result = new BatchResult(batch) { ReferenceTime = watch.Elapsed };
        watch.Restart();

        GuestRun? first = null;
        foreach (var setting in Pte101Setting.All)
        {
            IEnumerable<Diagnostic> diagnostics;
            try
            {
                if (first is null)
                {
                    first = UsageHarness.Run(batch.Source, setting.Usage);
                    diagnostics = first.Diagnostics;
                }
                else
                {
                    // The settings differ only in analyzer options: the same compilation serves all four.
                    diagnostics = UsageHarness.Analyze(first.Compilation, setting.Usage.ToAnalyzerOptions(), UsageHarness.GuestAnalyzers);
                }
            }
            catch (XunitException failure)
            {
                // The harness found a compile error, an analyzer exception or an AD0001: its message has positions, not the text.
                throw new XunitException($"{failure.Message}{Environment.NewLine}PteGenConfiguration {setting}; the batch's source:{Environment.NewLine}{batch.Source}");
            }

            result.AnalyzerTime += watch.Elapsed;

            var actualByProgram = batch.Programs.Select(_ => new List<Pte101Finding>()).ToList();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "PTE101"))
            {
                var found = new Pte101Finding(diagnostic.Location.SourceSpan, diagnostic.GetMessage(CultureInfo.InvariantCulture));
                var index = diagnostic.Location.SourceTree?.FilePath == UsageHarness.GuestPath ? batch.ProgramAt(found.Span) : -1;
                if (index < 0)
                {
                    result.Stray.Add($"{setting}: {diagnostic}");
                    continue;
                }

                actualByProgram[index].Add(found);
            }

            watch.Restart();
            for (var index = 0; index < batch.Programs.Count; index++)
            {
                var expected = references[index].Expected(setting);
                var actual = actualByProgram[index];
                actual.Sort();
                result.Record(index, setting, expected, actual);
            }

            result.ReferenceTime += watch.Elapsed;
            watch.Restart();
        }

        return result;
    }
}
