namespace PteGen.Generators;

/// <summary>Names of the pipeline steps, so tests can check that each one is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string ParsedLayouts = "PteGen.ParsedLayouts";
    public const string ValidatedLayouts = "PteGen.ValidatedLayouts";
    public const string BuildConfiguration = "PteGen.BuildConfiguration";
    public const string LayoutsToGenerate = "PteGen.LayoutsToGenerate";
    public const string LayoutProblems = "PteGen.LayoutProblems";
    public const string TargetFacts = "PteGen.TargetFacts";
    public const string HintNames = "PteGen.HintNames";
}
