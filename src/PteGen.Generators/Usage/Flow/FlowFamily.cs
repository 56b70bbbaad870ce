using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// A body and the bodies nested in it (local functions, lambdas), analyzed together: the local functions'
/// summaries first, to a fixed point (they can call each other), then every graph for its findings.
/// </summary>
internal static class FlowFamily
{
    public static (IReadOnlyCollection<Finding> Findings, MethodSummary Summary) Analyze(
        ControlFlowGraph root, IMethodSymbol? method, FlowContext context, CancellationToken cancellationToken)
    {
        var localFunctions = new List<(IMethodSymbol Symbol, ControlFlowGraph Graph)>();
        var lambdas = new List<(IMethodSymbol Symbol, ControlFlowGraph Graph)>();
        Collect(root, localFunctions, lambdas, cancellationToken);

        var writers = new WriterTable();
        var findings = new Dictionary<(int Writer, GuestLayout Layout), Finding>();
        Dictionary<IMethodSymbol, MethodSummary>? local = null;
        if (localFunctions.Count > 0)
        {
            local = new Dictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
            foreach (var (symbol, _) in localFunctions)
            {
                local[symbol] = MethodSummary.Empty;
            }

            // Monotone: each round can only add bits; a round without change is the fixed point.
            var scratch = new Dictionary<(int Writer, GuestLayout Layout), Finding>();
            for (var round = 0; round <= localFunctions.Count + 1; round++)
            {
                var changed = false;
                foreach (var (symbol, graph) in localFunctions)
                {
                    var flow = new BodyFlow(graph, symbol, context, writers, scratch, cancellationToken) { LocalSummaries = local };
                    flow.Run();
                    var summary = flow.Summary;
                    if (!summary.SameAs(local[symbol]))
                    {
                        local[symbol] = summary;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    break;
                }
            }
        }

        var rootFlow = new BodyFlow(root, method, context, writers, findings, cancellationToken) { LocalSummaries = local };
        rootFlow.Run();
        foreach (var (symbol, graph) in localFunctions)
        {
            new BodyFlow(graph, symbol, context, writers, findings, cancellationToken) { LocalSummaries = local }.Run();
        }

        foreach (var (symbol, graph) in lambdas)
        {
            new BodyFlow(graph, symbol, context, writers, findings, cancellationToken) { LocalSummaries = local }.Run();
        }

        return (findings.Values, rootFlow.Summary);
    }

    private static void Collect(
        ControlFlowGraph root,
        List<(IMethodSymbol Symbol, ControlFlowGraph Graph)> localFunctions,
        List<(IMethodSymbol Symbol, ControlFlowGraph Graph)> lambdas,
        CancellationToken cancellationToken)
    {
        var pending = new Stack<ControlFlowGraph>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var graph = pending.Pop();
            foreach (var symbol in graph.LocalFunctions)
            {
                var nested = graph.GetLocalFunctionControlFlowGraph(symbol, cancellationToken);
                localFunctions.Add((symbol, nested));
                pending.Push(nested);
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    AddLambdas(graph, operation, lambdas, pending, cancellationToken);
                }

                if (block.BranchValue is { } branch)
                {
                    AddLambdas(graph, branch, lambdas, pending, cancellationToken);
                }
            }
        }
    }

    private static void AddLambdas(
        ControlFlowGraph graph,
        IOperation operation,
        List<(IMethodSymbol Symbol, ControlFlowGraph Graph)> lambdas,
        Stack<ControlFlowGraph> pending,
        CancellationToken cancellationToken)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IFlowAnonymousFunctionOperation lambda)
            {
                var nested = graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken);
                lambdas.Add((lambda.Symbol, nested));
                pending.Push(nested);
            }
        }
    }
}
