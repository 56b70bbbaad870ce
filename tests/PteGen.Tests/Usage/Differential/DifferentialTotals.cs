namespace PteGen.Tests.Usage.Differential;

/// <summary>Counts over the whole run (batches run on several threads: updated under a lock).</summary>
internal sealed class DifferentialTotals
{
    public int Batches { get; private set; }

    public int Programs { get; private set; }

    public int Checks { get; private set; }

    public int Agreements { get; private set; }

    public int Disagreements => Checks - Agreements;

    public int DisagreeingPrograms { get; private set; }

    public int Expected { get; private set; }

    public int Actual { get; private set; }

    public int Matched { get; private set; }

    public int Stray { get; private set; }

    public TimeSpan ReferenceTime { get; private set; }

    public TimeSpan AnalyzerTime { get; private set; }

    public Dictionary<string, int> ExpectedShapes { get; } = [];

    public void Add(BatchResult result)
    {
        Batches++;
        Programs += result.Programs;
        Checks += result.Checks;
        Agreements += result.Agreements;
        DisagreeingPrograms += result.DisagreeingPrograms.Count();
        Expected += result.ExpectedDiagnostics;
        Actual += result.ActualDiagnostics;
        Matched += result.MatchedDiagnostics;
        Stray += result.Stray.Count;
        ReferenceTime += result.ReferenceTime;
        AnalyzerTime += result.AnalyzerTime;
        foreach (var (shape, count) in result.ExpectedShapes)
        {
            ExpectedShapes[shape] = ExpectedShapes.GetValueOrDefault(shape) + count;
        }
    }

    public string Report(TimeSpan elapsed, TimeSpan cpu) =>
        $"{Programs} programs in {Batches} compilations x {Pte101Setting.All.Count} settings ({string.Join(", ", Pte101Setting.All)}) = {Checks} checks, "
        + $"{elapsed.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s of process CPU time; summed over threads: {AnalyzerTime.TotalSeconds:F1} s compiling and analyzing, {ReferenceTime.TotalSeconds:F1} s rendering, reference and comparison). Agreements: {Agreements} of {Checks} checks ({DisagreeingPrograms} programs disagree under some setting). "
        + $"PTE101: {Expected} expected by the reference, {Actual} reported by the analyzer, {Matched} identical (span and message); {Stray} outside any program. "
        + $"Expected by shape: {string.Join(", ", ExpectedShapes.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}"))}.";
}
