extern alias Generators;

using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteGen.Tests.Fixups;
using PteGen.Tests.Infrastructure;
using GeneratedNames = Generators::PteGen.Generators.Model.GeneratedNames;
using LayoutModel = Generators::PteGen.Generators.Model.LayoutModel;
using LayoutParser = Generators::PteGen.Generators.Parsing.LayoutParser;
using NoProblemSink = Generators::PteGen.Generators.Parsing.Problems.NoProblemSink;
using ReportingHost = Generators::PteGen.Generators.Parsing.Problems.ReportingHost;

namespace PteGen.Tests.Generator;

/// <summary>
/// Every member the generated code declares is listed by <c>GeneratedNames</c>, which the parser asks (through
/// <c>GeneratedNames.For(layout)</c>) for the names a user member may not take (PTE020): the generated source of the Xen
/// sample's layouts and of test layouts that reach every emitter (switches, levels 1 to 4, the debug warning,
/// negotiation, roles that depend on the configuration, keyword and look-alike names) is parsed with Roslyn, and each
/// member of each generated type, and each parameter of a public one, is looked up. A member added to an emitter without
/// being listed fails here.
/// </summary>
public sealed class GeneratedNamesTests
{
    private const string Usings = "using System;\nusing PteGen;\n";

    private static readonly IReadOnlyDictionary<string, string[]> Sources = new Dictionary<string, string[]>
    {
        ["XenPv sample"] =
        [
            SampleSource.XenConfig,
            SampleSource.L1e,
            SampleSource.L2e,
            SampleSource.L3e,
            SampleSource.L4e,
            SampleSource.NegotiatedL1e,
            SampleSource.ExpertDebugL1e,
        ],
        ["test layouts"] = [Usings + File.ReadAllText(Path.Combine(Repository.TestProject, "Layouts", "TestLayouts.cs"))],
        ["snapshot layouts"] = [SampleSource.XenL1e, SampleLayouts.Mixed, SampleLayouts.Nested],
        ["conditional negotiated kernel marker"] = [ConditionalNegotiationTests.ConditionalKernelProbe.Layout],
        ["look-alike claim names"] = [NegotiationNameTests.CaseProbe.Layout],
    };

    public static TheoryData<string> SourceSets() => [.. Sources.Keys];

    [Theory]
    [MemberData(nameof(SourceSets))]
    public void EveryGeneratedMemberAndPublicParameterIsListed(string set)
    {
        var layouts = Generate(Sources[set]);
        Assert.NotEmpty(layouts);
        foreach (var (tree, layout) in layouts)
        {
            var unlisted = Unlisted(tree, layout);
            Assert.True(unlisted.Count == 0, $"{layout.HintName} declares names GeneratedNames does not list:{Environment.NewLine}{string.Join(Environment.NewLine, unlisted)}");
        }
    }

    /// <summary>The check is not vacuous: a member or a public parameter the emitters do not list is found.</summary>
    [Theory]
    [InlineData("        public static int Extra => 0;\n", "Extra")]
    [InlineData("        private const int __extra = 1;\n", "__extra")]
    [InlineData("        public static ulong Twice(ulong input) => input * 2;\n", "Twice")]
    [InlineData("        public static ulong Twice(ulong input) => input * 2;\n", "parameter 'input' of public Twice")]
    [InlineData("        public int this[int bit] => bit;\n", "indexer")]
    [InlineData("            public bool Extra => true;\n", "member Extra of Negotiation")]
    public void AMemberThatIsNotListedIsFound(string member, string expected)
    {
        var (tree, layout) = Generate(Sources["XenPv sample"]).Single(pair => pair.Layout.Name == "NegotiatedL1e");
        var text = tree.GetText().ToString();
        var anchor = member.StartsWith("            ", StringComparison.Ordinal) ? "            public bool Succeeded { get; }\n" : "        private readonly ulong __raw;\n";
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        var edited = CSharpSyntaxTree.ParseText(text.Replace(anchor, anchor + member, StringComparison.Ordinal), TestCompilation.ParseOptions);

        Assert.Empty(Unlisted(tree, layout));
        Assert.Contains(Unlisted(edited, layout), problem => problem.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ClaimParametersAreUniqueAndDeterministic()
    {
        string[] claims = ["Kernel", "kernel", "KERNEL", "Class", "@class", "kernelBit", "Kernel2", "ǄX", "ǅX", "ǆX"];
        string[] expected = ["kernelBit", "kernelBit2", "kERNELBit", "classBit", "classBit2", "kernelBitBit", "kernel2Bit", "ǆXBit", "ǆXBit2", "ǆXBit3"];
        Assert.Equal(expected, GeneratedNames.ClaimParameters(claims));
        Assert.Equal(expected, GeneratedNames.ClaimParameters(claims));

        // Claims without look-alikes keep the names they always had.
        Assert.Equal(["guestKernelBit", "grantMappingBit"], GeneratedNames.ClaimParameters(["GuestKernel", "GrantMapping"]));
    }

    /// <summary>Runs PteGen on <paramref name="sources"/>; returns each generated tree with the model the parser makes of its layout.</summary>
    private static List<(SyntaxTree Tree, LayoutModel Layout)> Generate(string[] sources)
    {
        var outcome = TestCompilation.Run(sources);
        Assert.True(outcome.AnalyzerDiagnostics.IsEmpty && !outcome.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), outcome.Describe());
        var layouts = new List<(SyntaxTree, LayoutModel)>();
        foreach (var tree in outcome.Compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            var model = outcome.Compilation.GetSemanticModel(tree);
            var symbol = tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>()
                .Select(declaration => model.GetDeclaredSymbol(declaration)!)
                .Single(type => type.GetAttributes().Any(a => a.AttributeClass?.Name == nameof(PteLayoutAttribute)));
            var attribute = symbol.GetAttributes().Single(a => a.AttributeClass?.Name == nameof(PteLayoutAttribute));
            var parsed = LayoutParser.Parse(symbol, attribute, ((CSharpParseOptions)tree.Options).LanguageVersion, ReportingHost.Analyzer, NoProblemSink.Instance, CancellationToken.None);
            layouts.Add((tree, parsed.Layout));
        }

        return layouts;
    }

    /// <summary>What the generated part of <paramref name="layout"/> in <paramref name="tree"/> declares that GeneratedNames does not list.</summary>
    private static List<string> Unlisted(SyntaxTree tree, LayoutModel layout)
    {
        var problems = new List<string>();
        var claims = layout.Fields.Select(f => f.Name.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        // A nested type may not have the name of a type around it (CS0542), so the name finds the layout's part.
        var declaration = tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>().Single(s => s.Identifier.ValueText == layout.Name.TrimStart('@'));
        var layoutNames = GeneratedNames.For(layout);
        layoutNames.UnionWith(GeneratedNames.ObjectMembers);
        layoutNames.Add(GeneratedNames.WarningHook);
        Check(declaration, name => layoutNames.Contains(name) || claims.Contains(name), "", problems);

        foreach (var nested in declaration.Members.OfType<TypeDeclarationSyntax>())
        {
            var name = nested.Identifier.ValueText;
            HashSet<string> negotiation = [.. GeneratedNames.OfNegotiation.For(layout), .. GeneratedNames.ObjectMembers];
            Func<string, bool>? listed = name switch
            {
                GeneratedNames.Negotiation => negotiation.Contains,
                GeneratedNames.DescriptorHolder => GeneratedNames.IsDescriptorMember,
                _ => null,
            };
            if (listed is null)
            {
                problems.Add($"nested type {name}, whose members GeneratedNames does not list");
                continue;
            }

            Check(nested, listed, " of " + name, problems);
        }

        return problems;
    }

    /// <summary>Checks the members of one generated type, and the parameters of its public members.</summary>
    private static void Check(TypeDeclarationSyntax type, Func<string, bool> isListed, string where, List<string> problems)
    {
        foreach (var member in type.Members)
        {
            string[]? names = member switch
            {
                MethodDeclarationSyntax method => [method.Identifier.ValueText],
                PropertyDeclarationSyntax property => [property.Identifier.ValueText],
                FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText).ToArray(),
                EventFieldDeclarationSyntax events => events.Declaration.Variables.Select(v => v.Identifier.ValueText).ToArray(),
                EventDeclarationSyntax @event => [@event.Identifier.ValueText],
                BaseTypeDeclarationSyntax nested => [nested.Identifier.ValueText],
                DelegateDeclarationSyntax @delegate => [@delegate.Identifier.ValueText],
                // Nameless members: the constructor from the raw value (the negotiation's is internal) and == / !=,
                // which the parser checks by signature. Anything else (an indexer, a conversion) is new.
                ConstructorDeclarationSyntax or OperatorDeclarationSyntax { OperatorToken.ValueText: "==" or "!=" } => [],
                _ => null,
            };
            if (names is null)
            {
                problems.Add($"{Describe(member)}{where}, a kind of member GeneratedNames does not list");
                continue;
            }

            foreach (var name in names.Where(name => !isListed(name)))
            {
                problems.Add(where.Length == 0 ? name : $"member {name}{where}");
            }

            // The parameters of public members are part of the API (named arguments).
            if (member.Modifiers.Any(SyntaxKind.PublicKeyword) && member is BaseMethodDeclarationSyntax { ParameterList.Parameters: var parameters })
            {
                foreach (var parameter in parameters.Where(p => !GeneratedNames.Parameters.All.Contains(p.Identifier.ValueText)))
                {
                    problems.Add($"parameter '{parameter.Identifier.ValueText}' of public {names.FirstOrDefault() ?? member.Kind().ToString()}{where}");
                }
            }
        }
    }

    private static string Describe(MemberDeclarationSyntax member) => member switch
    {
        IndexerDeclarationSyntax => "indexer",
        _ => member.Kind().ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
