extern alias Generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PteGen.Tests.Infrastructure;
using AbiBaselineAnalyzer = Generators::PteGen.Generators.Abi.AbiBaselineAnalyzer;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;

namespace PteGen.Tests.Abi;

/// <summary>An additional file held in memory, as the build hands <c>AdditionalFiles</c> to analyzers.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>
/// Runs the baseline analyzer the way a build does (the generator first, then the analyzers, with the baseline files
/// among the additional files) and its code fixes the way the IDE does (an <see cref="AdhocWorkspace"/> project whose
/// additional documents are the baseline files).
/// </summary>
internal static class BaselineHarness
{
    public const string Folder = "/project/";

    public static readonly string ShippedPath = Folder + PteAbiBaseline.ShippedFileName;

    public static readonly string UnshippedPath = Folder + PteAbiBaseline.UnshippedFileName;

    /// <summary>The PTE2xx diagnostics (and any layout error) of <paramref name="source"/> against the files given (null: absent).</summary>
    public static ImmutableArray<Diagnostic> Analyze(string source, string? shipped, string? unshipped, params (string Path, string Text)[] otherFiles) =>
        Analyze([source], shipped, unshipped, otherFiles);

    /// <summary>As <see cref="Analyze(string, string?, string?, (string Path, string Text)[])"/>, for several source files.</summary>
    public static ImmutableArray<Diagnostic> Analyze(string[] sources, string? shipped, string? unshipped, params (string Path, string Text)[] otherFiles)
    {
        var files = Files(shipped, unshipped).Concat(otherFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)));
        var (output, _) = TestCompilation.Generate(TestCompilation.Create(sources));
        return Analyze(output, new AnalyzerOptions([.. files]));
    }

    /// <summary>The diagnostics, sorted by position, as <c>dotnet build</c> prints them without the file: "(line,col): id: message".</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(), StringComparer.Ordinal)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

    /// <summary>The text a diagnostic is located at (in the source, or in a baseline file).</summary>
    public static string LocatedText(Diagnostic diagnostic, string source, string? shipped = null, string? unshipped = null)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var text = path == ShippedPath ? shipped : path == UnshippedPath ? unshipped : source;
        return SourceText.From(text!).ToString(diagnostic.Location.SourceSpan);
    }

    /// <summary>
    /// Builds a workspace project from <paramref name="source"/> and the files, analyzes it, and applies the single fix
    /// <paramref name="provider"/> offers for the one diagnostic <paramref name="pick"/> chooses (or Fix All in the
    /// project when <paramref name="fixAll"/>). Returns the text of every baseline file after the fix, by path.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Fix(
        string source,
        string? shipped,
        string? unshipped,
        CodeFixProvider provider,
        Func<Diagnostic, bool> pick,
        bool fixAll = false)
    {
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, source, shipped, unshipped);
        var diagnostics = Analyze(project);
        var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).Where(pick).ToList();
        Assert.True(fixable.Count >= 1, "Nothing to fix:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics));
        var diagnostic = fixable[0];

        var actions = new List<CodeAction>();
        var document = DocumentOf(project, diagnostic);
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        var action = Assert.Single(actions);

        if (fixAll)
        {
            var fixAllProvider = provider.GetFixAllProvider()!;
            var fixAllContext = new FixAllContext(
                project,
                provider,
                FixAllScope.Project,
                action.EquivalenceKey,
                provider.FixableDiagnosticIds,
                new FixedDiagnostics(diagnostics),
                CancellationToken.None);
            action = fixAllProvider.GetFixAsync(fixAllContext).GetAwaiter().GetResult()!;
        }

        var operations = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return solution.GetProject(project.Id)!.AdditionalDocuments
            .ToDictionary(d => d.FilePath ?? d.Name, d => d.GetTextAsync().GetAwaiter().GetResult().ToString());
    }

    private static IEnumerable<AdditionalText> Files(string? shipped, string? unshipped)
    {
        if (shipped is not null)
        {
            yield return new InMemoryAdditionalText(ShippedPath, shipped);
        }

        if (unshipped is not null)
        {
            yield return new InMemoryAdditionalText(UnshippedPath, unshipped);
        }
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers([new AbiBaselineAnalyzer(), new LayoutAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        return diagnostics;
    }

    private static ImmutableArray<Diagnostic> Analyze(Project project)
    {
        var compilation = (CSharpCompilation)project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var (output, _) = TestCompilation.Generate(compilation);
        return Analyze(output, project.AnalyzerOptions);
    }

    private static Project CreateProject(AdhocWorkspace workspace, string source, string? shipped, string? unshipped)
    {
        var template = TestCompilation.Create(source);
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "Layouts",
                "Layouts",
                LanguageNames.CSharp,
                filePath: Folder + "Layouts.csproj",
                compilationOptions: template.Options,
                parseOptions: TestCompilation.ParseOptions,
                metadataReferences: template.References))
            .AddDocument(DocumentId.CreateNewId(projectId), "Source0.cs", SourceText.From(source), filePath: Folder + "Source0.cs");
        if (shipped is not null)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), PteAbiBaseline.ShippedFileName, SourceText.From(shipped), filePath: ShippedPath);
        }

        if (unshipped is not null)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), PteAbiBaseline.UnshippedFileName, SourceText.From(unshipped), filePath: UnshippedPath);
        }

        return solution.GetProject(projectId)!;
    }

    private static TextDocument DocumentOf(Project project, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is { } tree)
        {
            return project.GetDocument(tree) ?? project.Documents.Single(d => d.FilePath == tree.FilePath);
        }

        var path = diagnostic.Location.GetLineSpan().Path;
        return project.AdditionalDocuments.Single(d => d.FilePath == path);
    }

    /// <summary>Fix All's view of the diagnostics: the ones the analyzer reported, wherever they are located.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}
