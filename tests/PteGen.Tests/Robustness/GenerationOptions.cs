using System.Globalization;

namespace PteGen.Tests.Robustness;

/// <summary>What the random layouts of <see cref="LayoutGenerators"/> may contain.</summary>
/// <param name="KnownBugShapes">
/// Whether to produce the declaration shapes of PteGen's known bugs (<see cref="KnownBugs"/>). Without them the
/// generators never write those shapes; the checks stay the same.
/// </param>
/// <param name="MaxChainTerms">The most terms a long <c>When</c> chain (<c>A &amp;&amp; (B || !B) &amp;&amp; ...</c>) may have.</param>
internal sealed record GenerationOptions(bool KnownBugShapes, int MaxChainTerms)
{
    /// <summary>Thousands of terms: tens of thousands of characters, read in linear time.</summary>
    public const int DefaultMaxChainTerms = 5_000;

    /// <summary>The shapes PteGen handles today, chains within <c>PTEGEN_FUZZ_MAX_TERMS</c> (default <see cref="DefaultMaxChainTerms"/>).</summary>
    public static GenerationOptions Today => new(false, FromEnvironment("PTEGEN_FUZZ_MAX_TERMS", DefaultMaxChainTerms));

    /// <summary>Every shape, the known bugs' included.</summary>
    public static GenerationOptions Everything => Today with { KnownBugShapes = true };

    /// <summary>A positive integer from the environment variable <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}

/// <summary>
/// The declaration shapes on which the fuzzer found PteGen wrong, now fixed. <see cref="GenerationOptions.Everything"/>
/// (what <c>RandomLayoutTests</c> runs) includes them, <see cref="GenerationOptions.Today"/> leaves them out, and
/// <c>FoundLayoutTests</c> keeps each as a regression case; the texts say what went wrong.
/// </summary>
internal static class KnownBugs
{
    public const string IndexerAndByRefClaimsHideTheirError =
        "Was: a claim that is an indexer or returns by reference gets no placeholder, so the compiler's CS9248 in the user's file hides PTE004 in dotnet build.";

    public const string ImplicitlyPrivateClaimsDoNotCompile =
        "Was: a claim written without an accessibility keyword is implemented as 'private partial', which the compiler refuses (CS8799 in the generated file).";

    public const string InternalSwitchesOfAPublicLayoutDoNotCompile =
        "Was: an internal switches enum used by a public layout makes the generated public IsValid(Cfg), HardwareBits(Cfg)... fail (CS0051 in the generated file) instead of a PTE error at [PteLayout].";

    public const string PointerClaimsInUnsafeTypesDoNotCompile =
        "Was: a pointer-typed claim whose unsafe context is its type (an unsafe layout or containing type) gets a placeholder outside any unsafe context (CS0214 in the generated file), which hides PTE006.";

    public const string GenericOrSecondHookImplementationsHideTheirError =
        "Was: a generic OnGlobalKernelPage implementation, or a second one, gets no definition in the placeholder, so CS0759 hides PTE026 in dotnet build.";

    public const string ExplicitlyPrivateHookDoesNotCompile =
        "Was: 'private static partial void OnGlobalKernelPage(Entry entry)' matches the generated hook, but the generated definition has no 'private' (CS8799 in the user's file, and no PTE diagnostic).";
}
