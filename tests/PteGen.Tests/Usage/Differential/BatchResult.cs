using System.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>What one batch of <see cref="DifferentialChecker"/> gave: counts, and the disagreements per program and setting.</summary>
internal sealed class BatchResult(RenderedBatch batch)
{
    private readonly Dictionary<int, List<(Pte101Setting Setting, IReadOnlyList<Pte101Finding> Expected, IReadOnlyList<Pte101Finding> Actual)>> _disagreements = [];

    public RenderedBatch Batch { get; } = batch;

    public int Programs => Batch.Programs.Count;

    public int Checks { get; private set; }

    /// <summary>Rendering, the reference, and the comparison.</summary>
    public TimeSpan ReferenceTime { get; set; }

    /// <summary>Compiling the batch and the four analyzer runs.</summary>
    public TimeSpan AnalyzerTime { get; set; }

    public int Agreements { get; private set; }

    public int ExpectedDiagnostics { get; private set; }

    public int ActualDiagnostics { get; private set; }

    /// <summary>Diagnostics found exactly (span and message) on both sides.</summary>
    public int MatchedDiagnostics { get; private set; }

    /// <summary>PTE101 diagnostics outside every program (in the shared constants, or another file).</summary>
    public List<string> Stray { get; } = [];

    public IEnumerable<int> DisagreeingPrograms => _disagreements.Keys;

    public bool Agrees => _disagreements.Count == 0 && Stray.Count == 0;

    /// <summary>The expected diagnostics by verb and bits ("sets bit 52", "clears bits 52 and 62", ...): what the run covers.</summary>
    public Dictionary<string, int> ExpectedShapes { get; } = [];

    public void Record(int program, Pte101Setting setting, IReadOnlyList<Pte101Finding> expected, IReadOnlyList<Pte101Finding> actual)
    {
        Checks++;
        foreach (var diagnostic in expected)
        {
            // "Guest code {verb} {bits} of 'L1e': ..."
            var shape = diagnostic.Message["Guest code ".Length..diagnostic.Message.IndexOf(" of 'L1e'", StringComparison.Ordinal)];
            ExpectedShapes[shape] = ExpectedShapes.GetValueOrDefault(shape) + 1;
        }

        ExpectedDiagnostics += expected.Count;
        ActualDiagnostics += actual.Count;
        MatchedDiagnostics += expected.Intersect(actual).Count();
        if (expected.SequenceEqual(actual))
        {
            Agreements++;
            return;
        }

        if (!_disagreements.TryGetValue(program, out var list))
        {
            _disagreements[program] = list = [];
        }

        list.Add((setting, expected, actual));
    }

    /// <summary>A disagreeing program: its source, and per setting the expected and actual lists (with the text they cover).</summary>
    public string Describe(int program)
    {
        var text = new StringBuilder();
        text.AppendLine($"Program {Batch.Programs[program].Program.ClassName} (constants: static class GuestBits, imported with 'using static'):");
        text.AppendLine(Batch.ClassText(program));
        foreach (var (setting, expected, actual) in _disagreements[program])
        {
            text.AppendLine($"PteGenConfiguration {setting}:");
            text.AppendLine("  expected (reference):");
            AppendList(text, expected);
            text.AppendLine("  actual (analyzer):");
            AppendList(text, actual);
        }

        return text.ToString();
    }

    /// <summary>The size of a program's source, to show the smallest disagreement first.</summary>
    public int SourceLength(int program) => Batch.Programs[program].ClassSpan.Length;

    private void AppendList(StringBuilder text, IReadOnlyList<Pte101Finding> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            text.AppendLine("    (none)");
        }

        foreach (var diagnostic in diagnostics)
        {
            text.AppendLine($"    {diagnostic.Describe(Batch.Source)}");
        }
    }
}
