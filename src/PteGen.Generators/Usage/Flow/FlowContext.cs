using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Usage.Flow;

/// <summary>What the bit analysis shares across the bodies of one compilation: layouts, sinks, summaries, semantic models.</summary>
internal sealed class FlowContext
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public FlowContext(Compilation compilation, LayoutCatalog catalog)
    {
        Compilation = compilation;
        Sinks = new EntrySinks(catalog);
        Summaries = new SummaryCache(this);
    }

    public Compilation Compilation { get; }

    public EntrySinks Sinks { get; }

    public SummaryCache Summaries { get; }

    /// <summary>
    /// The semantic model of another method's tree, to summarize it. Analyzers are asked to use the model of the code
    /// they analyze (RS1030); a summary is about a different body, and is computed once per compilation.
    /// </summary>
    public SemanticModel Model(SyntaxTree tree) =>
#pragma warning disable RS1030 // A callee's body is in another tree than the one analyzed; cached per tree.
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
