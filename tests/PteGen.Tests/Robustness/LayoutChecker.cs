using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Robustness;

/// <summary>What one batch showed: how many layouts the oracle judged valid and invalid, and every broken expectation.</summary>
internal sealed record BatchResult(int Valid, int Invalid, IReadOnlyList<string> Failures);

/// <summary>
/// Compiles a batch of layouts (one file and one namespace, <c>Case{i}</c>, each; a slot may hold a layout and its case
/// twin) with PteGen's generator and layout analyzer, attributes every diagnostic to its layout (by the file it is in,
/// the layout's own or the file generated for it, and within a file by the declaration it is in), and holds each
/// layout to what the oracle expects.
/// </summary>
internal static class LayoutChecker
{
    /// <summary>One layout of a slot and what was reported about it.</summary>
    private sealed class Subject(LayoutSpec spec, Verdict verdict, int slot)
    {
        public LayoutSpec Spec { get; } = spec;

        public Verdict Verdict { get; } = verdict;

        public int Slot { get; } = slot;

        /// <summary>The compiler's diagnostics in the user's file.</summary>
        public List<Diagnostic> Compiler { get; } = [];

        /// <summary>The compiler's diagnostics in the layout's generated file.</summary>
        public List<Diagnostic> Generated { get; } = [];

        /// <summary>PteGen's diagnostics (the analyzer's and the generator's).</summary>
        public List<Diagnostic> Pte { get; } = [];

        public IEnumerable<Diagnostic> All => Compiler.Concat(Generated).Concat(Pte);
    }

    public static BatchResult Check(IReadOnlyList<LayoutSpec> batch)
    {
        var sources = batch.Select((spec, index) => LayoutRenderer.Render(spec, index)).ToArray();
        RunOutcome outcome;
        try
        {
            // The harness fails on any generator diagnostic (CS8785: the generator threw) and any analyzer exception (AD0001).
            outcome = BatchCompilation.Run(sources);
        }
        catch (Exception error) when (batch.Count > 1)
        {
            // Find the layout that makes PteGen throw, and report it alone.
            for (var index = 0; index < batch.Count; index++)
            {
                try
                {
                    BatchCompilation.Run(sources[index]);
                }
                catch (Exception single)
                {
                    return new BatchResult(0, 0, [Describe("PteGen threw (generator or analyzer exception)", sources[index], LayoutOracle.Judge(batch[index]), single.ToString(), null)]);
                }
            }

            return new BatchResult(0, 0, [$"PteGen threw on the batch but on none of its layouts alone:\n{error}\n\n{string.Join("\n", sources)}"]);
        }
        catch (Exception error)
        {
            return new BatchResult(0, 0, [Describe("PteGen threw (generator or analyzer exception)", sources[0], LayoutOracle.Judge(batch[0]), error.ToString(), null)]);
        }

        var slots = batch.Select((spec, index) => spec.Layouts().Select(layout => new Subject(layout, LayoutOracle.Judge(layout), index)).ToList()).ToList();
        var failures = new List<string>();
        foreach (var diagnostic in outcome.CompilerDiagnostics)
        {
            foreach (var (subject, generated) in SubjectsOf(diagnostic, slots, outcome.Compilation))
            {
                (generated ? subject.Generated : subject.Compiler).Add(diagnostic);
            }
        }

        foreach (var diagnostic in outcome.AnalyzerDiagnostics)
        {
            foreach (var (subject, _) in SubjectsOf(diagnostic, slots, outcome.Compilation))
            {
                subject.Pte.Add(diagnostic);
            }
        }

        foreach (var diagnostic in outcome.CompilerDiagnostics.Concat(outcome.AnalyzerDiagnostics).Where(d => !SubjectsOf(d, slots, outcome.Compilation).Any()))
        {
            failures.Add($"A diagnostic belongs to no layout: {diagnostic}\n\n{string.Join("\n", sources)}");
        }

        var (valid, invalid) = (0, 0);
        foreach (var subject in slots.SelectMany(slot => slot))
        {
            var problem = Judge(subject, outcome);
            if (subject.Verdict.IsValid)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            if (problem is not null)
            {
                var generatedText = outcome.Generated.FirstOrDefault(file => StemOf(file.Key) == subject.Spec.HintStem(subject.Slot)).Value;
                failures.Add(Describe(problem, sources[subject.Slot], subject.Verdict, string.Join("\n", subject.All), generatedText));
            }
        }

        return new BatchResult(valid, invalid, failures);
    }

    /// <summary>What is wrong with what PteGen did for one layout, or null.</summary>
    private static string? Judge(Subject subject, RunOutcome outcome)
    {
        var verdict = subject.Verdict;
        if (subject.Generated.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return "A layout has a compiler error in its generated file";
        }

        var pteErrors = subject.Pte.Where(d => d.Id.StartsWith("PTE0", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
        var userFileErrors = subject.Compiler.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (pteErrors.GroupBy(d => (d.Id, d.Location.SourceSpan, d.GetMessage())).Any(group => group.Count() > 1))
        {
            return "A PTE0xx error is reported twice (by the generator and the analyzer)";
        }

        if (verdict.IsValid)
        {
            // The only diagnostics allowed are the compiler's warnings about the user's own code (new that hides nothing).
            var unexpected = subject.All.Where(d => !(d.Severity == DiagnosticSeverity.Warning && subject.Compiler.Contains(d) && verdict.UserWarnings.Contains(d.Id)));
            return unexpected.Any()
                ? "A valid layout has diagnostics"
                : CheckGeneratedType(outcome.Compilation, subject.Spec, subject.Slot, verdict) is { } wrong ? "The generated type of a valid layout is wrong: " + wrong : null;
        }

        // dotnet build runs no analyzer once the compilation has an error: then only the generator's errors show.
        var generatorShowsError = pteErrors.Any(d => outcome.GeneratorDiagnostics.Contains(d));
        var userShowsOwnError = userFileErrors.Any(d => verdict.UserErrors.Contains(d.Id));
        if (!verdict.BreaksPteGenRules)
        {
            // Only the compiler's own findings: PteGen must add nothing, neither an error nor a cascade of its own.
            return !userShowsOwnError ? $"A layout whose only problem is the compiler's ({string.Join(", ", verdict.UserErrors)}) does not get it"
                : pteErrors.Count > 0 ? "PteGen reports an error for a layout whose only problems are the compiler's"
                : userFileErrors.Any(d => !verdict.UserErrors.Contains(d.Id) && !IsUnimplementedUnresolvedClaim(d, subject.Spec)) ? "A layout whose only problems are the compiler's gets other compiler errors"
                : null;
        }

        if (verdict.UserErrors.Count > 0)
        {
            // The compiler's own errors show in dotnet build; PteGen's may wait until they are fixed.
            return userShowsOwnError || generatorShowsError ? null : "An invalid layout shows no error in dotnet build";
        }

        return pteErrors.Count == 0 ? "An invalid layout has no PTE0xx error"
            : userFileErrors.Count > 0 && !generatorShowsError ? "An invalid layout's PTE0xx errors would be hidden in dotnet build by the compiler's errors"
            : null;
    }

    /// <summary>CS9248 for a claim whose type does not resolve: PteGen cannot implement it, which is the compiler's error over again.</summary>
    private static bool IsUnimplementedUnresolvedClaim(Diagnostic diagnostic, LayoutSpec spec) =>
        diagnostic.Id == "CS9248"
        && spec.Claims.Any(c => c.Type.Kind == FieldTypeKind.Unresolved && diagnostic.GetMessage().Contains($".{c.Name}'", StringComparison.Ordinal));

    /// <summary>
    /// The layouts a diagnostic is about, and whether it is in a generated file: the file names the slot
    /// (<c>Source{i}.cs</c> or <c>Case{i}.….g.cs</c>); a generated file names its layout, and in the user's file the
    /// declaration the diagnostic is in does (one outside both, on the switches enum say, is about both).
    /// </summary>
    private static IEnumerable<(Subject Subject, bool Generated)> SubjectsOf(Diagnostic diagnostic, List<List<Subject>> slots, Compilation compilation)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            yield break;
        }

        var file = Path.GetFileName(tree.FilePath);
        for (var slot = 0; slot < slots.Count; slot++)
        {
            if (file == $"Source{slot}.cs")
            {
                var inside = slots[slot].Where(s => DeclarationSpans(tree, s.Spec).Any(span => span.Contains(diagnostic.Location.SourceSpan))).ToList();
                foreach (var subject in inside.Count > 0 ? inside : slots[slot])
                {
                    yield return (subject, false);
                }

                yield break;
            }

            if (file.StartsWith(LayoutSpec.Namespace(slot) + ".", StringComparison.Ordinal) && file.EndsWith(".g.cs", StringComparison.Ordinal))
            {
                foreach (var subject in slots[slot].Where(s => s.Spec.HintStem(slot) == StemOf(file)))
                {
                    yield return (subject, true);
                }

                yield break;
            }
        }
    }

    /// <summary>The spans of the layout's declarations in the user's file.</summary>
    private static IEnumerable<TextSpan> DeclarationSpans(SyntaxTree tree, LayoutSpec spec) =>
        tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Where(declaration => declaration.Identifier.ValueText == spec.PlainTypeName)
            .Select(declaration => declaration.Span);

    /// <summary>A generated file's name without <c>.g.cs</c> and without the number that tells names differing only in case apart.</summary>
    private static string StemOf(string fileName)
    {
        var stem = fileName.EndsWith(".g.cs", StringComparison.Ordinal) ? fileName[..^".g.cs".Length] : fileName;
        var dot = stem.LastIndexOf('.');
        return dot >= 0 && dot + 1 < stem.Length && stem[(dot + 1)..].All(char.IsAsciiDigit) ? stem[..dot] : stem;
    }

    /// <summary>The full API was generated, with the masks the oracle computes.</summary>
    private static string? CheckGeneratedType(Compilation compilation, LayoutSpec spec, int index, Verdict verdict)
    {
        if (compilation.GetTypeByMetadataName(spec.MetadataName(index)) is not { } type)
        {
            return $"no type {spec.MetadataName(index)}";
        }

        if (type.GetMembers("Raw").IsEmpty)
        {
            return "no Raw property (only placeholder bodies were generated)";
        }

        ulong? Constant(string name) =>
            type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: ulong value } ? value : null;

        foreach (var claim in spec.Claims)
        {
            var width = claim.EffectiveHigh - claim.Low + 1;
            var mask = width == 64 ? ulong.MaxValue : ((1UL << width) - 1) << claim.Low;
            if (Constant(claim.PlainName + "Mask") != mask)
            {
                return $"{claim.PlainName}Mask is {Constant(claim.PlainName + "Mask"):X16}, expected {mask:X16}";
            }

            if (type.GetMembers("With" + claim.PlainName).IsEmpty)
            {
                return $"no With{claim.PlainName}";
            }
        }

        foreach (var (name, owner) in new[] { ("FixedHardwareBits", Owner.Hardware), ("FixedXenReservedBits", Owner.XenReserved), ("FixedGuestAvailableBits", Owner.GuestAvailable) })
        {
            if (Constant(name) != verdict.FixedBits(owner))
            {
                return $"{name} is {Constant(name):X16}, expected {verdict.FixedBits(owner):X16}";
            }
        }

        return null;
    }

    internal static string Describe(string what, string source, Verdict verdict, string diagnostics, string? generatedText)
    {
        var text = new StringBuilder();
        text.Append(what).Append(".\n\nThe oracle: ");
        text.Append(verdict.IsValid ? "valid" : "invalid, because\n  - " + string.Join("\n  - ", verdict.Reasons.Take(8).Concat(verdict.UserErrors.Select(id => "the compiler reports " + id))));
        text.Append("\n\nThe source:\n").Append(Shorten(source));
        text.Append("\nDiagnostics:\n").Append(diagnostics.Length == 0 ? "(none)" : Shorten(diagnostics));
        if (generatedText is not null && diagnostics.Contains(".g.cs", StringComparison.Ordinal))
        {
            text.Append("\n\nThe generated file:\n").Append(Shorten(generatedText));
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Long conditions make long sources; the failure message keeps their ends.</summary>
    private static string Shorten(string text) => text.Length <= 20_000 ? text : text[..10_000] + $"\n[... {text.Length - 20_000} characters ...]\n" + text[^10_000..];

    /// <summary>How CsCheck prints a failing batch: every layout's source.</summary>
    public static string Print(LayoutSpec[] batch) =>
        Shorten(string.Join("\n", batch.Select((spec, index) => LayoutRenderer.Render(spec, index))));
}
