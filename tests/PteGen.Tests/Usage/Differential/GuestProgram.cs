namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// One generated guest program: a static class of helpers (declared first; a helper only calls helpers before it, so
/// summaries are computed in order and nothing recurses) and builders. Several programs share one file and one
/// compilation; each is checked separately, by the span of its class.
/// </summary>
internal sealed class GuestProgram(string className, IReadOnlyList<GuestMethod> methods)
{
    public string ClassName { get; } = className;

    public IReadOnlyList<GuestMethod> Methods { get; } = methods;

    /// <summary>The same program under another class name (programs of one batch need distinct names).</summary>
    public GuestProgram Named(string className) => new(className, Methods);
}
