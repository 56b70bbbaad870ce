using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// Guards on the generator, independent of the analyzer: generated batches compile, and the reference finds the
/// shapes the differential test is meant to cover (every verb, each Xen bit alone and both, writers reaching entries
/// through helper summaries). A generator drifting into programs where nothing is expected would make the
/// differential test pass vacuously.
/// </summary>
[Trait("Category", "Differential")]
public sealed class ProgramGeneratorTests
{
    private const int Batches = 4;

    private const int ProgramsPerBatch = 32;

    [Fact]
    public void GeneratedProgramsCompile_AndTheReferenceCoversEveryShape()
    {
        var shapes = new HashSet<string>();
        var reachingSummaries = 0;
        foreach (var programs in ProgramGenerators.Program.Array[ProgramsPerBatch].Array[Batches].Single())
        {
            var batch = ProgramRenderer.Render(programs);
            var compilation = CSharpCompilation.Create(
                "Guest",
                [CSharpSyntaxTree.ParseText(batch.Source, UsageHarness.ParseOptions, path: UsageHarness.GuestPath)],
                UsageHarness.GuestReferences,
                UsageHarness.CompilationOptions);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"A generated batch does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{batch.Source}");

            foreach (var (program, _) in batch.Programs)
            {
                var reference = ReferenceEvaluator.Evaluate(program);
                foreach (var diagnostic in reference.Expected(Pte101Setting.Absent))
                {
                    shapes.Add(diagnostic.Message["Guest code ".Length..diagnostic.Message.IndexOf(" of 'L1e'", StringComparison.Ordinal)]);
                }

                reachingSummaries += program.Methods
                    .Where(method => method.Kind == GuestMethodKind.EntryHelper)
                    .Count(method => (reference.Summary(method.Name)[1] & (1UL << Pte101Setting.KernelBit)) != 0);
            }
        }

        foreach (var verb in new[] { "sets", "clears", "toggles" })
        {
            foreach (var bits in new[] { "bit 52", "bit 62", "bits 52 and 62" })
            {
                Assert.Contains($"{verb} {bits}", shapes);
            }
        }

        Assert.True(reachingSummaries >= Batches * ProgramsPerBatch / 2, $"only {reachingSummaries} helpers pass bit 52 of their second parameter on to an entry");
    }
}
