using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;
using PteGen.Generators.Parsing.Rules;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Parsing;

/// <summary>
/// Turns a <c>[PteLayout]</c> type into a <see cref="LayoutModel"/>: the reader reads the declaration, the rules
/// judge it, the validator checks ownership across configurations. The generator, the layout analyzer and the guest
/// analyzer all call this, so they see the same model for the same declaration. Problems go to the caller's sink
/// when the caller is the layout's <see cref="ReportingHost"/>, so each is reported once, by one host.
/// </summary>
internal static class LayoutParser
{
    public static LayoutParse Parse(
        INamedTypeSymbol type,
        AttributeData layoutAttribute,
        LanguageVersion? languageVersion,
        ReportingHost caller,
        IProblemSink sink,
        CancellationToken cancellationToken)
    {
        var (declaration, sites) = LayoutReader.Read(type, layoutAttribute, languageVersion, cancellationToken);
        var host = TypeShapeRules.HostFor(declaration);
        var problems = new List<Problem>();
        var (layout, plan) = Build(declaration, problems);
        if (caller == host)
        {
            foreach (var problem in problems)
            {
                sink.Report(problem, sites);
            }
        }

        // A claim whose type does not resolve has the compiler's error, not one of PteGen's, and no full API either.
        var hasErrors = problems.Any(p => p.IsError) || layout.Fields.Any(f => f.HasErrors);
        var kind = host == ReportingHost.Generator ? (EmitKind?)null : hasErrors ? EmitKind.Stubs : EmitKind.Full;
        return new LayoutParse(layout, kind, host, kind == EmitKind.Full ? plan : null);
    }

    /// <summary>Runs every rule; returns the model and its fixup plan, decided here once for every consumer.</summary>
    private static (LayoutModel Layout, FixupPlan? Plan) Build(LayoutDeclaration declaration, List<Problem> problems)
    {
        var containingTypes = declaration.ContainingTypes.Select(t => new ContainingType(t.Keyword, t.Name, t.TypeParameters, t.IsUnsafe)).ToEquatableArray();
        if (TypeShapeRules.LanguageVersionProblem(declaration) is { } tooLow)
        {
            // Without partial properties nothing can be generated, and every other finding would be noise.
            problems.Add(tooLow);
            return (new LayoutModel(declaration.Namespace, declaration.Name, containingTypes, 0, SwitchSet.None, EquatableArray<FieldModel>.Empty), null);
        }

        problems.AddRange(TypeShapeRules.Check(declaration));
        Add(problems, LayoutArgumentRules.CheckSwitches(declaration));
        var switches = declaration.Switches.Switches;
        var (level, levelProblem) = LayoutArgumentRules.CheckLevel(declaration);
        Add(problems, levelProblem);

        var fields = new List<FieldModel>(declaration.Claims.Count);
        for (var index = 0; index < declaration.Claims.Count; index++)
        {
            fields.Add(ClaimRules.Check(declaration, index, switches, problems));
        }

        var (warnWhenText, warnWhen, warnWhenProblem) = LayoutArgumentRules.CheckWarnWhen(declaration, switches);
        Add(problems, warnWhenProblem);
        var (invariantSwitches, invarianceProblem) = InvarianceRules.CheckNames(declaration, switches);
        Add(problems, invarianceProblem);

        var implementedHooks = declaration.Hooks.Where(h => h.Shape == HookShape.Implementation).ToList();
        var implementedHook = implementedHooks.FirstOrDefault(h => h.MatchesGenerated);
        var layout = new LayoutModel(
            declaration.Namespace,
            declaration.Name,
            containingTypes,
            level,
            switches,
            fields.ToEquatableArray(),
            declaration.AdjustGuest,
            warnWhenText,
            warnWhen,
            TypeKeyword: declaration.Kind == DeclaredKind.RecordStruct ? "record struct" : "struct",
            TypeParameters: declaration.TypeParameters,
            HookDefinition: string.Join("\n", implementedHooks.Select(h => h.Definition)),
            HookParameterName: implementedHook is not null ? Identifiers.Escape(implementedHook.ParameterName) : "entry",
            HookIsExplicitlyPrivate: implementedHook?.IsExplicitlyPrivate ?? false,
            IsUnsafe: declaration.IsUnsafe);

        if (declaration.FromSource)
        {
            problems.AddRange(MemberConflictRules.Check(declaration, layout));
        }

        // Ownership findings about something that is not a struct would only repeat the error above in other words.
        if (declaration.Kind is not (DeclaredKind.Struct or DeclaredKind.RecordStruct))
        {
            return (layout, null);
        }

        // A claim that did not parse (its own error, or a type that does not resolve) may hold a role: the fixup's
        // findings would only say, in other words, that the role is missing.
        var (plan, planIssues) = FixupPlanner.Plan(layout);
        var fixupIssues = layout.Fields.Any(f => f.HasErrors) ? Enumerable.Empty<LayoutIssue>() : planIssues;
        var ownershipIssues = LayoutValidator.Validate(layout);
        foreach (var issue in ownershipIssues.Concat(fixupIssues))
        {
            var site = issue.FieldIndex == LayoutIssue.Layout ? Site.LayoutAttribute : Site.ClaimAttribute(issue.FieldIndex);
            problems.Add(Problem.Create(issue.Descriptor, site, issue.Arguments));
        }

        // Who owns a bit is only defined once every bit has exactly one owner.
        if (ownershipIssues.Count == 0 && !layout.Fields.Any(f => f.HasErrors))
        {
            problems.AddRange(InvarianceRules.CheckOwnership(layout, invariantSwitches));
        }

        // Whether the hook pairs with the generated one matters only for a layout that gets its full API.
        if (declaration.FromSource && !problems.Any(p => p.IsError) && !layout.Fields.Any(f => f.HasErrors))
        {
            var generatesHook = plan is { Level: 1 } && layout.WarnWhen is not null;
            problems.AddRange(HookRules.Check(declaration, generatesHook));
        }

        return (layout, plan);
    }

    private static void Add(List<Problem> problems, Problem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}

/// <summary>What parsing decided for one layout.</summary>
/// <param name="Layout">The model.</param>
/// <param name="Kind">What the generator emits: the full API, placeholder bodies, or nothing (null) for a layout it cannot complete.</param>
/// <param name="Host">Which host reports the layout's problems.</param>
/// <param name="Plan">The guest-entry fixup of a layout that gets its full API; null otherwise.</param>
internal sealed record LayoutParse(LayoutModel Layout, EmitKind? Kind, ReportingHost Host, FixupPlan? Plan);
