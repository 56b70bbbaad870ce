namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// One value of the <c>PteGenConfiguration</c> build property (or its absence), with what pte101-spec.md derives from it
/// for <c>L1e</c>: the bits Xen reserves in at least one active configuration (52 always; 62 when Debug is active)
/// and how the message names the owners of each.
/// </summary>
internal sealed class Pte101Setting
{
    public const int KernelBit = 52;

    public const int GrantBit = 62;

    private Pte101Setting(string? configuration, IReadOnlyList<string> active)
    {
        Configuration = configuration;
        ActiveConfigurations = active;
    }

    /// <summary><c>PteGenConfiguration=None</c>: active {None}.</summary>
    public static Pte101Setting None { get; } = new("None", ["None"]);

    /// <summary><c>PteGenConfiguration=Debug</c>: active {Debug}.</summary>
    public static Pte101Setting Debug { get; } = new("Debug", ["Debug"]);

    /// <summary><c>PteGenConfiguration=Pke</c>: active {Pke}.</summary>
    public static Pte101Setting Pke { get; } = new("Pke", ["Pke"]);

    /// <summary>The property is absent: every valid configuration is active.</summary>
    public static Pte101Setting Absent { get; } = new(null, ["None", "Debug", "Pke"]);

    public static IReadOnlyList<Pte101Setting> All { get; } = [None, Debug, Pke, Absent];

    /// <summary>The property's value; null when absent.</summary>
    public string? Configuration { get; }

    public IReadOnlyList<string> ActiveConfigurations { get; }

    public string Label => Configuration ?? "(absent)";

    public UsageSettings Usage => UsageSettings.Config(Configuration);

    /// <summary>Xen reserves bit 52 in every configuration of L1e, bit 62 under Debug only.</summary>
    public bool IsReserved(int bit) => bit switch
    {
        KernelBit => true,
        GrantBit => ActiveConfigurations.Contains("Debug"),
        _ => false,
    };

    /// <summary>"bit 52 (GuestKernel) under configuration Debug", "... in every configuration (None, Debug, Pke)".</summary>
    public string Owner(int bit)
    {
        var (field, reservedIn) = bit switch
        {
            KernelBit => ("GuestKernel", ActiveConfigurations),
            GrantBit => ("GrantMapping", (IReadOnlyList<string>)["Debug"]),
            _ => throw new ArgumentOutOfRangeException(nameof(bit), bit, "Xen reserves only bits 52 and 62 of L1e."),
        };
        var where = ActiveConfigurations.Count > 1 && reservedIn.Count == ActiveConfigurations.Count
            ? $"in every configuration ({string.Join(", ", ActiveConfigurations)})"
            : $"under configuration {string.Join(", ", reservedIn)}";
        return $"bit {bit} ({field}) {where}";
    }

    /// <summary>
    /// The PTE101 message for a writer that <paramref name="verb"/> the reserved <paramref name="bits"/> (ascending). Bits
    /// that Xen reserves in the same configurations are named together, as the diagnostics reference shows: under Debug,
    /// "bits 52 and 62 (GuestKernel, GrantMapping) under configuration Debug".
    /// </summary>
    public string Message(string verb, IReadOnlyList<int> bits)
    {
        var owners = IsReserved(GrantBit) && ActiveConfigurations.Count == 1 && bits.Count == 2
            ? $"bits {bits[0]} and {bits[1]} (GuestKernel, GrantMapping) under configuration {ActiveConfigurations[0]}"
            : string.Join(" and ", bits.Select(Owner));
        return $"Guest code {verb} {BitsText(bits)} of 'L1e': Xen reserves {owners}";
    }

    private static string BitsText(IReadOnlyList<int> bits) =>
        bits.Count == 1 ? $"bit {bits[0]}" : $"bits {string.Join(", ", bits.Take(bits.Count - 1))} and {bits[^1]}";

    public override string ToString() => Label;
}
