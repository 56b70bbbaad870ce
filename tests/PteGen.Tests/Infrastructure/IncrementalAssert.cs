extern alias Generators;

using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TrackingNames = Generators::PteGen.Generators.TrackingNames;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Checks of the generator's incremental pipeline, after NetEscapades.EnumGenerators' helper: the tracked steps of a
/// second run must be cached, and no step output may hold something that defeats caching.
/// </summary>
internal static class IncrementalAssert
{
    public static readonly string[] TrackedSteps = [TrackingNames.ParsedLayouts, TrackingNames.ValidatedLayouts, TrackingNames.LayoutsToGenerate];

    /// <summary>Every output of every tracked step of <paramref name="run"/> is Cached or Unchanged.</summary>
    public static void AllStepsCached(GeneratorDriverRunResult run)
    {
        var steps = run.Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"The step {name} did not run.");
            foreach (var step in steps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"{name} should be cached after an unrelated edit, but its output was {reason}.");
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="second"/>, a run on the same compilation as <paramref name="first"/>, found every output of
    /// every tracked step the first run had Cached or Unchanged, every source output Cached, and generated the same files.
    /// </summary>
    public static void RerunIsCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        var before = first.Results.Single();
        var after = second.Results.Single();
        foreach (var name in TrackedSteps.Where(before.TrackedSteps.ContainsKey))
        {
            Assert.True(after.TrackedSteps.ContainsKey(name), $"The step {name} did not run again.");
            foreach (var (_, reason) in after.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{name} should be cached when nothing changed, but its output was {reason}.");
            }
        }

        foreach (var (name, steps) in after.TrackedOutputSteps)
        {
            foreach (var (_, reason) in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(reason == IncrementalStepRunReason.Cached, $"The output step {name} should be cached when nothing changed, but was {reason}.");
            }
        }

        Assert.Equal(
            before.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            after.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    /// <summary>The reasons of a step's outputs, in order.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorDriverRunResult run, string step) =>
        run.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    /// <summary>
    /// No output of PteGen's steps (recursively) is a Compilation, symbol, syntax node, location or plain array; with
    /// <paramref name="everyStepRan"/>, every tracked step must have run (a compilation without layouts runs none).
    /// </summary>
    public static void NoBannedTypesInOutputs(GeneratorDriverRunResult run, bool everyStepRan = true)
    {
        var tracked = run.Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            Assert.True(!everyStepRan || tracked.ContainsKey(name), $"The step {name} did not run.");
            if (!tracked.TryGetValue(name, out var steps))
            {
                continue;
            }

            Assert.NotEmpty(steps);
            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Visit(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void Visit(object? node, string path, HashSet<object> seen)
    {
        // A DiagnosticDescriptor is immutable and compares by value (the descriptors are static anyway).
        if (node is null || node is string or DiagnosticDescriptor || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        var type = node.GetType();
        Assert.False(
            node is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a {type.Name}, which cannot be compared across runs and defeats caching.");
        Assert.False(type.IsArray, $"{path} holds a plain array ({type.Name}), which compares by reference.");
        Assert.False(
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>),
            $"{path} holds an ImmutableArray, which compares by reference.");

        if (type.IsGenericType && type.GetGenericTypeDefinition().Name.StartsWith("EquatableArray", StringComparison.Ordinal))
        {
            var index = 0;
            foreach (var item in (IEnumerable)node)
            {
                Visit(item, $"{path}[{index++}]", seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(node), $"{path}.{field.Name}", seen);
        }
    }
}
