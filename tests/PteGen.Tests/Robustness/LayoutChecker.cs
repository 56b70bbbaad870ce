using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Robustness;

/// <summary>What one batch showed: how many layouts the oracle judged valid and invalid, and every broken expectation.</summary>
internal sealed record BatchResult(int Valid, int Invalid, IReadOnlyList<string> Failures);

/// <summary>
/// Compiles a batch of layouts (one file and one namespace, <c>Case{i}</c>, each) with PteGen's generator and layout
/// analyzer, attributes every diagnostic to its layout by file (the layout's own file, or the file generated for it),
/// and holds each layout to what the oracle expects.
/// </summary>
internal static class LayoutChecker
{
    public static BatchResult Check(IReadOnlyList<LayoutSpec> batch)
    {
        var sources = batch.Select((spec, index) => LayoutRenderer.Render(spec, index)).ToArray();
        var verdicts = batch.Select(LayoutOracle.Judge).ToArray();
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
                    return new BatchResult(0, 0, [Describe("PteGen threw (generator or analyzer exception)", sources[index], verdicts[index], single.ToString(), null)]);
                }
            }

            return new BatchResult(0, 0, [$"PteGen threw on the batch but on none of its layouts alone:\n{error}\n\n{string.Join("\n", sources)}"]);
        }
        catch (Exception error)
        {
            return new BatchResult(0, 0, [Describe("PteGen threw (generator or analyzer exception)", sources[0], verdicts[0], error.ToString(), null)]);
        }

        var failures = new List<string>();
        var compiler = new List<Diagnostic>[batch.Count];
        var generated = new List<Diagnostic>[batch.Count];
        var analyzer = new List<Diagnostic>[batch.Count];
        for (var index = 0; index < batch.Count; index++)
        {
            (compiler[index], generated[index], analyzer[index]) = ([], [], []);
        }

        foreach (var diagnostic in outcome.CompilerDiagnostics)
        {
            if (SlotOf(diagnostic, batch.Count) is not { } slot)
            {
                failures.Add($"A compiler diagnostic belongs to no layout: {diagnostic}\n\n{string.Join("\n", sources)}");
            }
            else if (slot.Generated)
            {
                generated[slot.Index].Add(diagnostic);
            }
            else
            {
                compiler[slot.Index].Add(diagnostic);
            }
        }

        foreach (var diagnostic in outcome.AnalyzerDiagnostics)
        {
            if (SlotOf(diagnostic, batch.Count) is { Generated: false } slot)
            {
                analyzer[slot.Index].Add(diagnostic);
            }
            else
            {
                failures.Add($"An analyzer diagnostic is not in a layout's source: {diagnostic}\n\n{string.Join("\n", sources)}");
            }
        }

        var (valid, invalid) = (0, 0);
        for (var index = 0; index < batch.Count; index++)
        {
            var (spec, verdict) = (batch[index], verdicts[index]);
            var all = compiler[index].Concat(generated[index]).Concat(analyzer[index]).ToList();
            outcome.Generated.TryGetValue(spec.HintName(index), out var generatedText);
            string Fail(string what) => Describe(what, sources[index], verdict, string.Join("\n", all), generatedText);

            if (verdict.IsValid)
            {
                valid++;
                if (all.Count > 0)
                {
                    failures.Add(Fail("A valid layout has diagnostics"));
                    continue;
                }

                if (CheckGeneratedType(outcome.Compilation, spec, index, verdict) is { } problem)
                {
                    failures.Add(Fail("The generated type of a valid layout is wrong: " + problem));
                }
            }
            else
            {
                invalid++;
                if (!analyzer[index].Any(d => d.Id.StartsWith("PTE0", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error))
                {
                    failures.Add(Fail("An invalid layout has no PTE0xx error"));
                }

                if (generated[index].Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    failures.Add(Fail("An invalid layout has a compiler error in its generated file"));
                }

                // dotnet build runs no analyzer once the compilation has an error: then the generator must report it.
                if (compiler[index].Any(d => d.Severity == DiagnosticSeverity.Error)
                    && !analyzer[index].Any(d => d.Id.StartsWith("PTE0", StringComparison.Ordinal) && outcome.GeneratorDiagnostics.Contains(d)))
                {
                    failures.Add(Fail("An invalid layout's PTE0xx errors would be hidden in dotnet build by the compiler's errors"));
                }

                if (analyzer[index].GroupBy(d => (d.Id, d.Location.SourceSpan, d.GetMessage())).Any(group => group.Count() > 1))
                {
                    failures.Add(Fail("An invalid layout's PTE0xx error is reported twice (by the generator and the analyzer)"));
                }
            }
        }

        return new BatchResult(valid, invalid, failures);
    }

    /// <summary>Which layout a diagnostic belongs to: its source file <c>Source{i}.cs</c> or its generated file <c>Case{i}.….g.cs</c>.</summary>
    private static (int Index, bool Generated)? SlotOf(Diagnostic diagnostic, int count)
    {
        if (diagnostic.Location.SourceTree?.FilePath is not { } path)
        {
            return null;
        }

        var file = Path.GetFileName(path);
        for (var index = 0; index < count; index++)
        {
            if (file == $"Source{index}.cs")
            {
                return (index, false);
            }

            if (file.StartsWith(LayoutSpec.Namespace(index) + ".", StringComparison.Ordinal) && file.EndsWith(".g.cs", StringComparison.Ordinal))
            {
                return (index, true);
            }
        }

        return null;
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

    private static string Describe(string what, string source, Verdict verdict, string diagnostics, string? generatedText)
    {
        var text = new StringBuilder();
        text.Append(what).Append(".\n\nThe oracle: ");
        text.Append(verdict.IsValid ? "valid" : "invalid, because\n  - " + string.Join("\n  - ", verdict.Reasons.Take(8)));
        text.Append("\n\nThe source:\n").Append(source);
        text.Append("\nDiagnostics:\n").Append(diagnostics.Length == 0 ? "(none)" : diagnostics);
        if (generatedText is not null && diagnostics.Contains(".g.cs", StringComparison.Ordinal))
        {
            text.Append("\n\nThe generated file:\n").Append(generatedText);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>How CsCheck prints a failing batch: every layout's source.</summary>
    public static string Print(LayoutSpec[] batch) =>
        string.Join("\n", batch.Select((spec, index) => LayoutRenderer.Render(spec, index)));
}
