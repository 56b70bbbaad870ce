extern alias Generators;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;
using FixupPlan = Generators::PteGen.Generators.Validation.FixupPlan;
using FixupPlanner = Generators::PteGen.Generators.Validation.FixupPlanner;
using LayoutParser = Generators::PteGen.Generators.Parsing.LayoutParser;
using Role = Generators::PteGen.PteRole;
using EmitKind = Generators::PteGen.Generators.Model.EmitKind;
using NoProblemSink = Generators::PteGen.Generators.Parsing.Problems.NoProblemSink;
using ReportingHost = Generators::PteGen.Generators.Parsing.Problems.ReportingHost;

namespace PteGen.Tests.Fixups;

/// <summary>
/// The fixup plan is decided once per layout and is a plain value, so that the incremental pipeline can hold it: the
/// plans of two separate parses of one layout are equal, and a change to a holder of a role changes the plan.
/// </summary>
public sealed class FixupPlanTests
{
    private static FixupPlan Plan(string source)
    {
        var compilation = TestCompilation.Create(source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var type = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.StructDeclarationSyntax>()
            .Select(declaration => model.GetDeclaredSymbol(declaration)!)
            .Single(symbol => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == nameof(PteLayoutAttribute)));
        var attribute = type.GetAttributes().Single(a => a.AttributeClass?.Name == nameof(PteLayoutAttribute));
        var parsed = LayoutParser.Parse(type, attribute, LanguageVersion.Latest, ReportingHost.Analyzer, NoProblemSink.Instance, CancellationToken.None);
        Assert.Equal(EmitKind.Full, parsed.Kind);
        Assert.Equal(FixupPlanner.Plan(parsed.Layout).Plan, parsed.Plan);
        return parsed.Plan!;
    }

    [Fact]
    public void TwoParsesOfOneLayoutGiveEqualPlans()
    {
        var first = Plan(ConditionalNegotiationTests.ConditionalKernelProbe.Layout);
        var second = Plan(ConditionalNegotiationTests.ConditionalKernelProbe.Layout);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());

        // What the emitters read from it: the conditional kernel marker is a parameter of the core, negotiated in Debug.
        var kernel = first[Role.GuestKernel];
        Assert.Equal(["DebugKernel", "Kernel"], kernel.Holders.Select(h => h.Name));
        Assert.Null(kernel.FixedHolder);
        Assert.True(kernel.IsNegotiated);
        Assert.Equal([Role.GuestKernel], first.Parameters.Select(p => p.Role));
        Assert.True(first.Warns); // a switch named Debug implies WarnWhen = "Debug"
    }

    [Fact]
    public void AChangedHolderChangesThePlan()
    {
        var relocatable = Plan(ConditionalNegotiationTests.ConditionalKernelProbe.Layout);
        var fixedMarker = Plan(ConditionalNegotiationTests.ConditionalKernelProbe.Layout.Replace("Relocatable = true, ", "", StringComparison.Ordinal));
        Assert.NotEqual(relocatable, fixedMarker);
        Assert.False(fixedMarker[Role.GuestKernel].IsNegotiated);

        // Still a parameter: which claim holds the marker depends on the configuration.
        Assert.Equal([Role.GuestKernel], fixedMarker.Parameters.Select(p => p.Role));
    }
}
