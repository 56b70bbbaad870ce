namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// The independent reference for PTE101, written from pte101-spec.md over the generated programs' own syntax (not
/// over Roslyn operations, and sharing nothing with the analyzer). Every method is interpreted once, bit by bit
/// (<see cref="AbstractValue"/>): locals are flow-sensitive, if/else and <c>?:</c> are structured joins, and at every
/// sink each writer of each bit is recorded with the bit's state there. Helpers are interpreted before their callers;
/// a helper's parameters start as E with each bit marked as the parameter's own, and the bits whose marker arrives at
/// one of the helper's sinks at the same position form its summary ("the parameter bits that reach the sink
/// unchanged"; a bit moved by a shift does not count). At a call, the argument's writers of those bits reach the entry
/// with the argument's state at the call (the summary is a set of bits, not a transfer function: what the helper ors
/// in from elsewhere, such as its shifted frame's N bits, does not change the verb).
/// <see cref="Expected"/> then turns the records into the diagnostics one configuration setting expects.
/// </summary>
internal sealed class ReferenceEvaluator
{
    private readonly Dictionary<string, ulong[]> _summaries = [];
    private readonly Dictionary<Origin, List<(int Bit, BitState State)>> _reached = [];
    private readonly Dictionary<string, AbstractValue> _returns = [];

    private ReferenceEvaluator(GuestProgram program)
    {
        foreach (var method in program.Methods)
        {
            _summaries[method.Name] = new MethodInterpreter(method, _summaries, _returns, _reached).Run();
        }
    }

    /// <summary>Interprets <paramref name="program"/> (already rendered: the spans are known).</summary>
    public static ReferenceEvaluator Evaluate(GuestProgram program) => new(program);

    /// <summary>For a helper: per <c>ulong</c> parameter, the bits that reach an entry unchanged.</summary>
    public IReadOnlyList<ulong> Summary(string method) => _summaries[method];

    /// <summary>
    /// The PTE101 diagnostics <paramref name="setting"/> expects, ordered by span: one per writer that reaches an entry
    /// with a bit Xen reserves in an active configuration, naming the union of those bits; the verb is "sets" when every
    /// reached (bit, sink) is 1, "clears" when every one is 0, and the writer's kind otherwise.
    /// </summary>
    public IReadOnlyList<Pte101Finding> Expected(Pte101Setting setting)
    {
        var expected = new List<Pte101Finding>();
        foreach (var (writer, reached) in _reached)
        {
            var relevant = reached.Where(r => setting.IsReserved(r.Bit)).ToList();
            if (relevant.Count == 0)
            {
                continue;
            }

            var bits = relevant.Select(r => r.Bit).Distinct().Order().ToList();
            var verb = relevant.All(r => r.State == BitState.One) ? "sets"
                : relevant.All(r => r.State == BitState.Zero) ? "clears"
                : writer.KindVerb;
            expected.Add(new Pte101Finding(writer.Span, setting.Message(verb, bits)));
        }

        expected.Sort();
        return expected;
    }
}
