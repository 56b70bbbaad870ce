extern alias Generators;

using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteGen.Tests.Robustness;
using LineWrapper = Generators::PteGen.Generators.Emit.LineWrapper;

namespace PteGen.Tests.Generator;

/// <summary>
/// No generated line is longer than <see cref="LineWrapper.MaxLength"/> (140) characters: not in the files of the Xen
/// sample's layouts, and not in those of the fuzzer's random layouts (long <c>When</c> chains, odd names, invalid
/// layouts' placeholders). The wrapper itself keeps what it breaks: the same code, the same string, the same comment.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLength = LineWrapper.MaxLength;

    [Fact]
    public void EveryLineGeneratedForTheXenSampleFits()
    {
        var (_, generated, _) = TargetCompilation.Run(TargetCompilation.Net100, TargetCompilation.XenSampleSources());

        Assert.True(generated.Count >= 6, $"only {generated.Count} files were generated");
        Assert.Empty(generated.SelectMany(file => LongLines(file.Key, file.Value)));
    }

    [Fact]
    public void EveryLineGeneratedForRandomLayoutsFits()
    {
        var files = 0;
        new LayoutGenerators(GenerationOptions.Everything).Layouts.Array[8].Sample(
            batch =>
            {
                var sources = batch.Select((spec, index) => LayoutRenderer.Render(spec, index)).ToArray();
                var outcome = BatchCompilation.Run(sources);
                Interlocked.Add(ref files, outcome.Generated.Count);
                var problems = outcome.Generated.SelectMany(file => LongLines(file.Key, file.Value)).ToList();
                if (problems.Count > 0)
                {
                    throw new Xunit.Sdk.XunitException(string.Join("\n", problems.Take(20)) + "\n\nfrom:\n" + string.Join("\n", sources));
                }
            },
            iter: 16,
            print: LayoutChecker.Print);

        Assert.True(files >= 16, $"only {files} files were generated for 128 random layouts");
    }

    [Fact]
    public void AShortLineIsLeftAlone()
    {
        var line = "public const ulong PresentMask = 0x0000000000000001UL;";

        Assert.Equal([line], LineWrapper.Wrap(line, new string(' ', 8), "    "));
    }

    [Fact]
    public void AConditionOfAHundredThousandCharactersBreaksIntoShortLinesOfTheSameCode()
    {
        var terms = Enumerable.Range(0, 2_500).Select(index => $"(configuration & global::Case.Cfg.S{index % 7}) != 0");
        var condition = $"if ({string.Join(" && ", terms)})";
        Assert.True(condition.Length > 100_000);

        var pieces = LineWrapper.Wrap(condition, new string(' ', 12), "    ");

        Assert.All(pieces, piece => Assert.True(12 + piece.Length <= MaxLength, piece));
        Assert.Equal(condition, string.Join(" ", pieces.Select(piece => piece.Trim())));
        Assert.All(pieces.Skip(1), piece => Assert.StartsWith("    && ", piece, StringComparison.Ordinal));
    }

    [Fact]
    public void ALongStringLiteralBreaksIntoPartsOfTheSameString()
    {
        var value = string.Concat(Enumerable.Repeat("A && (B || !B) && \"quoted\" \\ back\u0001 ", 40));
        var line = $"new Descriptor(\"Field\", 1, {SymbolDisplay.FormatLiteral(value, quote: true)}, Configurations1),";

        var pieces = LineWrapper.Wrap(line, new string(' ', 20), "    ");

        Assert.All(pieces, piece => Assert.True(20 + piece.Length <= MaxLength, piece));
        var call = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(string.Join("\n", pieces).TrimEnd(','));
        Assert.Equal(value, ConstantString(call.ArgumentList!.Arguments[2].Expression));
    }

    [Fact]
    public void ALiteralThatStartsAnIndentedLineBreaksWithinTheLimitToo()
    {
        var value = "The PteGen layout 'Outer0.L1e' has errors (see its PTE0xx diagnostics), so 'FixedGuestAvailableBits' was not generated.";
        var line = $"    {SymbolDisplay.FormatLiteral(value, quote: true)});";

        var pieces = LineWrapper.Wrap(line, new string(' ', 24), "    ");

        Assert.All(pieces, piece => Assert.True(24 + piece.Length <= MaxLength, piece));
        Assert.StartsWith("    \"The PteGen", pieces[0], StringComparison.Ordinal);
        Assert.Equal(value, ConstantString(SyntaxFactory.ParseExpression(string.Join("\n", pieces).Trim().TrimEnd(';', ')'))));
    }

    [Fact]
    public void ADocCommentBreaksAsACommentAndNeverInsideATag()
    {
        var line = "/// <summary>Applies <see cref=\"AdjustGuestL1e(L1e, global::PteGen.PvDomainKind, global::Xen.Pv.XenConfig)\"/> "
            + "to every entry of <paramref name=\"entries\"/>, writing the results to <paramref name=\"adjusted\"/>.</summary>";

        var pieces = LineWrapper.Wrap(line, new string(' ', 8), "    ");

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, piece => Assert.StartsWith("/// ", piece, StringComparison.Ordinal));
        Assert.All(pieces, piece => Assert.True(8 + piece.Length <= MaxLength, piece));
        Assert.Contains(pieces, piece => piece.Contains("<see cref=\"AdjustGuestL1e(L1e, global::PteGen.PvDomainKind, global::Xen.Pv.XenConfig)\"/>", StringComparison.Ordinal));
    }

    [Fact]
    public void ACommentAfterCodeContinuesAsAComment()
    {
        var line = "return 0; // " + string.Join(" ", Enumerable.Repeat("not present where the claim holds role Present", 6));

        var pieces = LineWrapper.Wrap(line, new string(' ', 16), "    ");

        Assert.True(pieces.Count > 1);
        Assert.StartsWith("return 0; // ", pieces[0], StringComparison.Ordinal);
        Assert.All(pieces.Skip(1), piece => Assert.StartsWith("    // ", piece, StringComparison.Ordinal));
    }

    private static IEnumerable<string> LongLines(string file, string text) =>
        text.Split('\n')
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(entry => entry.Line.Length > MaxLength)
            .Select(entry => $"{file}:{entry.Number}: {entry.Line.Length} characters: {entry.Line}");

    /// <summary>The value of a constant string expression (literals joined with +).</summary>
    private static string ConstantString(ExpressionSyntax expression)
    {
        var tree = CSharpSyntaxTree.ParseText($"class C {{ const string S = {expression}; }}");
        var compilation = CSharpCompilation.Create("Constant", [tree], Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var field = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single();
        var symbol = (IFieldSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(field)!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (string)symbol.ConstantValue!;
    }
}
