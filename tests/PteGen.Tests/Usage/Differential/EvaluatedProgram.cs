namespace PteGen.Tests.Usage.Differential;

/// <summary>A program of <see cref="ReferenceEvaluatorTests"/>, rendered and interpreted, with its findings as "text: message".</summary>
internal sealed class EvaluatedProgram(RenderedBatch batch, ReferenceEvaluator reference)
{
    public ReferenceEvaluator Reference { get; } = reference;

    public string Source => batch.Source;

    /// <summary>"covered text: message", in source order.</summary>
    public string[] Findings(Pte101Setting setting) =>
        [.. Reference.Expected(setting).Select(d => $"{batch.Text(d.Span)}: {d.Message}")];

    public void ExpectNoneUnderAnySetting()
    {
        foreach (var setting in Pte101Setting.All)
        {
            Assert.True(Findings(setting).Length == 0, $"{setting}: {string.Join("; ", Findings(setting))}");
        }
    }
}
