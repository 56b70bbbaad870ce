using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PteGen.Benchmarks.Infrastructure;

/// <summary>
/// A second ratio column: the mean of each benchmark over the mean of <c>method</c> of the same class with the same
/// parameters (BenchmarkDotNet's own Ratio column is relative to the one baseline). The fixups use it for "vs C".
/// </summary>
public sealed class RatioToMethodColumn(string method) : IColumn
{
    public string Id => "RatioTo." + method;

    public string ColumnName => "vs " + method;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Mean / Mean of {method} with the same parameters (below 1: faster than {method}; '-': {method} did not run)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var reference = summary.BenchmarksCases.FirstOrDefault(other =>
            other.Descriptor.Type == benchmarkCase.Descriptor.Type
            && other.Descriptor.WorkloadMethod.Name == method
            && other.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo
            && other.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo);
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = reference is null ? null : summary[reference]?.ResultStatistics;
        return mine is null || theirs is null || theirs.Mean <= 0
            ? "-"
            : (mine.Mean / theirs.Mean).ToString("0.000", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
