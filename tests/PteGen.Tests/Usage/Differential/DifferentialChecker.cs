using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// Checks one batch of programs: renders them into one guest file, compiles it as <see cref="UsageHarness.Run"/> does
/// (same references and options; it must compile), analyzes that compilation under each configuration setting with the
/// harness (which fails on an analyzer exception or AD0001), and compares each program's PTE101 diagnostics (span and
/// message) with the reference's, exactly.
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

        // The settings differ only in analyzer options: one compilation serves all four. The first analysis also
        // returns the compiler's diagnostics (the harness binds once for both), so that the batch is compiled once.
        var compilation = CSharpCompilation.Create(
            "Guest",
            [CSharpSyntaxTree.ParseText(batch.Source, UsageHarness.ParseOptions, path: UsageHarness.GuestPath)],
            UsageHarness.GuestReferences,
            UsageSettings.Default.Apply(UsageHarness.CompilationOptions));
        var compiled = false;
        foreach (var setting in Pte101Setting.All)
        {
            IEnumerable<Diagnostic> diagnostics;
            try
            {
                diagnostics = UsageHarness.Analyze(compilation, setting.Usage.ToAnalyzerOptions(), includeCompilerDiagnostics: !compiled, UsageHarness.GuestAnalyzers);
                if (!compiled)
                {
                    var errors = diagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
                    Assert.True(errors.Count == 0, $"The generated guest source does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
                    compiled = true;
                }
            }
            catch (XunitException failure)
            {
                // A compile error, or the harness found an analyzer exception or an AD0001: the message has positions, not the text.
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
