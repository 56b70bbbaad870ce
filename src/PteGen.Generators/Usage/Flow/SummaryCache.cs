using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// The summaries of a compilation's own methods, each computed once. The call graph below a method is walked with an
/// explicit stack (Tarjan's strongly connected components), callees before callers; mutually recursive methods are
/// summarized together, to the least fixed point, so a summary never depends on which method was asked first.
/// </summary>
internal sealed class SummaryCache
{
    /// <summary>Rounds allowed for one recursive group (each round can only add bits; this is a guard).</summary>
    private const int MaxRounds = 64;

    private readonly FlowContext _context;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);

    public SummaryCache(FlowContext context) => _context = context;

    /// <summary>The summary of the method a call targets; local functions come from their enclosing body.</summary>
    public MethodSummary For(IMethodSymbol method, IReadOnlyDictionary<IMethodSymbol, MethodSummary>? localSummaries, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return localSummaries is not null && localSummaries.TryGetValue(method, out var local) ? local : MethodSummary.Empty;
        }

        return Candidate(method) is { } candidate ? Get(candidate, cancellationToken) : MethodSummary.Empty;
    }

    /// <summary>A method of this compilation with a body and an integer parameter or result, as the definition to summarize.</summary>
    private IMethodSymbol? Candidate(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.StaticConstructor) || method.IsAbstract || method.IsExtern)
        {
            return null;
        }

        var hasInteger = false;
        foreach (var parameter in method.Parameters)
        {
            hasInteger |= parameter.RefKind == RefKind.None && IntegerType.Of(parameter.Type) is not null;
        }

        hasInteger |= IntegerType.Of(method.ReturnType) is not null;
        return hasInteger && method.DeclaringSyntaxReferences.Length > 0 && !method.Locations.IsEmpty && method.Locations[0].IsInSource
            && _context.Compilation.ContainsSyntaxTree(method.Locations[0].SourceTree!)
            ? method
            : null;
    }

    private MethodSummary Get(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        if (s_group is not null && s_group.TryGetValue(method, out var approximation))
        {
            return approximation;
        }

        var nodes = new Dictionary<IMethodSymbol, Node>(SymbolEqualityComparer.Default);
        var components = new Stack<Node>();
        var path = new Stack<Node>();
        var index = 0;
        path.Push(Open(method));
        while (path.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = path.Peek();
            if (node.NextCallee < node.Callees.Count)
            {
                var callee = node.Callees[node.NextCallee++];
                if (_summaries.ContainsKey(callee))
                {
                    continue;
                }

                if (nodes.TryGetValue(callee, out var seen))
                {
                    if (seen.OnStack)
                    {
                        node.Low = System.Math.Min(node.Low, seen.Index);
                        node.Recursive = true;
                        seen.Recursive = true;
                    }

                    continue;
                }

                path.Push(Open(callee));
                continue;
            }

            path.Pop();
            if (path.Count > 0)
            {
                path.Peek().Low = System.Math.Min(path.Peek().Low, node.Low);
            }

            if (node.Low == node.Index)
            {
                var component = new List<Node>();
                Node member;
                do
                {
                    member = components.Pop();
                    member.OnStack = false;
                    component.Add(member);
                }
                while (!ReferenceEquals(member, node));

                Summarize(component, cancellationToken);
            }
        }

        return _summaries.TryGetValue(method, out var summary) ? summary : MethodSummary.Empty;

        Node Open(IMethodSymbol symbol)
        {
            var node = new Node(symbol, index, Body(symbol, cancellationToken));
            index++;
            nodes[symbol] = node;
            components.Push(node);
            node.OnStack = true;
            if (node.Body is not null)
            {
                foreach (var operation in node.Body.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation invocation && Candidate(invocation.TargetMethod) is { } callee)
                    {
                        node.Callees.Add(callee);
                    }

                    node.HasLocalSink = node.HasLocalSink || SinkCandidates.IsLocal(operation, _context, cancellationToken);
                }
            }

            return node;
        }
    }

    private void Summarize(List<Node> component, CancellationToken cancellationToken)
    {
        var recursive = component.Count > 1 || component[0].Recursive;
        if (!recursive && !NeedsFlow(component[0]))
        {
            _summaries.TryAdd(component[0].Method, MethodSummary.Empty);
            return;
        }

        var current = new Dictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
        foreach (var node in component)
        {
            current[node.Method] = MethodSummary.Empty;
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            var changed = false;
            foreach (var node in component)
            {
                // Members of the group see each other's current approximation through the cache, which holds only
                // final summaries otherwise; the group's entries are replaced when the fixed point is reached.
                var summary = Analyze(node, current, cancellationToken);
                if (!summary.SameAs(current[node.Method]))
                {
                    current[node.Method] = summary;
                    changed = true;
                }
            }

            if (!recursive || !changed)
            {
                break;
            }
        }

        foreach (var pair in current)
        {
            _summaries.TryAdd(pair.Key, pair.Value);
        }
    }

    /// <summary>
    /// Whether a body needs its graph for a summary: it returns an integer, or has a place where a value can become an
    /// entry, itself or through a callee (callees are summarized first).
    /// </summary>
    private bool NeedsFlow(Node node)
    {
        if (node.Body is null)
        {
            return false;
        }

        if (node.HasLocalSink || IntegerType.Of(node.Method.ReturnType) is not null)
        {
            return true;
        }

        foreach (var callee in node.Callees)
        {
            if (!_summaries.TryGetValue(callee, out var summary) || summary.HasSinks)
            {
                return true;
            }
        }

        return false;
    }

    private MethodSummary Analyze(Node node, Dictionary<IMethodSymbol, MethodSummary> group, CancellationToken cancellationToken)
    {
        if (node.Body is not { } body)
        {
            return MethodSummary.Empty;
        }

        var previous = s_group;
        s_group = group;
        try
        {
            var graph = body switch
            {
                IMethodBodyOperation method => ControlFlowGraph.Create(method, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                _ => null,
            };
            return graph is null ? MethodSummary.Empty : FlowFamily.Analyze(graph, node.Method, _context, cancellationToken).Summary;
        }
        finally
        {
            s_group = previous;
        }
    }

    /// <summary>The recursive group being summarized on this thread: its members' current approximations.</summary>
    [System.ThreadStatic]
    private static Dictionary<IMethodSymbol, MethodSummary>? s_group;

    private IMethodBodyBaseOperation? Body(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!_context.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            if (_context.Model(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is IMethodBodyBaseOperation body)
            {
                return body;
            }
        }

        return null;
    }

    private sealed class Node
    {
        public Node(IMethodSymbol method, int index, IMethodBodyBaseOperation? body)
        {
            Method = method;
            Index = index;
            Low = index;
            Body = body;
        }

        public IMethodSymbol Method { get; }

        public int Index { get; }

        public int Low { get; set; }

        public bool OnStack { get; set; }

        public bool Recursive { get; set; }

        public bool HasLocalSink { get; set; }

        public int NextCallee { get; set; }

        public IMethodBodyBaseOperation? Body { get; }

        public List<IMethodSymbol> Callees { get; } = new();
    }
}
