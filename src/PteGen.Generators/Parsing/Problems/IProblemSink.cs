namespace PteGen.Generators.Parsing.Problems;

/// <summary>Receives the problems a host reports; the generator and the analyzer each pass their own.</summary>
internal interface IProblemSink
{
    /// <param name="problem">The problem.</param>
    /// <param name="sites">Resolves <see cref="Problem.Site"/> to a location, only when a sink needs one.</param>
    void Report(Problem problem, SiteLocator sites);
}

/// <summary>For callers that need only the model (the guest analyzer reading layouts from metadata).</summary>
internal sealed class NoProblemSink : IProblemSink
{
    public static readonly NoProblemSink Instance = new();

    public void Report(Problem problem, SiteLocator sites)
    {
    }
}
