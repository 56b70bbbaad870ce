using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Parsing;

namespace PteGen.Generators.Usage;

/// <summary>
/// Checks PteGen's MSBuild settings against the layouts a project declares or references: a switch name no layout
/// knows (PTE105), a configuration a layout rules out (PTE106), a role that is neither Guest nor Hypervisor (PTE107).
/// Reported once per compilation, at its end, at a source location an editor shows (see <see cref="ConfigurationAnchors"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownConfigurationSwitch,
        DiagnosticDescriptors.InvalidConfiguration,
        DiagnosticDescriptors.UnknownRole);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            var options = PteGenOptions.Read(compilation.Options);
            if (options.Configuration is not null || options.UnknownRole is not null)
            {
                Check(compilation, options);
            }
        });
    }

    private static void Check(CompilationAnalysisContext context, PteGenOptions options)
    {
        var compilation = context.Compilation;
        var layouts = new List<INamedTypeSymbol>();
        var switchNames = new SortedSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in AssembliesWithLayouts(compilation))
        {
            Collect(assembly.GlobalNamespace, layouts, switchNames, context.CancellationToken);
        }

        // Finding an anchor may bind source; only a setting that is wrong pays for it.
        ConfigurationAnchors? anchors = null;
        ConfigurationAnchors Anchors() => anchors ??= new ConfigurationAnchors(compilation, layouts, context.CancellationToken);

        if (options.UnknownRole is { } role)
        {
            var isGuest = !GuestUsageAnalyzer.DeclaresLayouts(compilation, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnknownRole,
                Anchors().ForProject(preferLayoutsWithSwitches: false),
                role,
                isGuest ? "Guest, as the project declares no layout" : "Hypervisor, as the project declares layouts"));
        }

        if (options.Configuration is not { } names)
        {
            return;
        }

        var known = switchNames.Count == 0 ? "no layout declares switches" : "switches: " + string.Join(", ", switchNames);
        foreach (var name in names.Distinct(System.StringComparer.OrdinalIgnoreCase))
        {
            if (!switchNames.Contains(name) && !string.Equals(name, "None", System.StringComparison.OrdinalIgnoreCase))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnknownConfigurationSwitch,
                    Anchors().ForProject(preferLayoutsWithSwitches: true),
                    name,
                    known));
            }
        }

        var catalog = new LayoutCatalog(options);
        foreach (var type in layouts)
        {
            if (catalog.Get(type, context.CancellationToken) is { InvalidConfiguration: { } problem } layout)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidConfiguration,
                    Anchors().ForLayout(type),
                    string.Join(";", names),
                    layout.Name,
                    problem));
            }
        }
    }

    /// <summary>This compilation's assembly, and the referenced assemblies that reference PteGen (only they can hold layouts).</summary>
    private static IEnumerable<IAssemblySymbol> AssembliesWithLayouts(Compilation compilation)
    {
        yield return compilation.Assembly;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Modules.Any(module => module.ReferencedAssemblySymbols.Any(reference => reference.Name == KnownNames.Namespace)))
            {
                yield return assembly;
            }
        }
    }

    private static void Collect(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> layouts, SortedSet<string> switchNames, CancellationToken cancellationToken)
    {
        foreach (var member in container.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, layouts, switchNames, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (KnownNames.IsLayoutAttribute(attribute.AttributeClass))
                    {
                        layouts.Add(type);
                    }
                    else if (type.TypeKind == TypeKind.Enum && KnownNames.Is(attribute.AttributeClass, KnownNames.PteSwitchesAttribute))
                    {
                        foreach (var item in SwitchSetParser.Parse(type, cancellationToken).Switches.Members)
                        {
                            switchNames.Add(item.Name);
                        }
                    }
                }

                Collect(type, layouts, switchNames, cancellationToken);
            }
        }
    }
}
