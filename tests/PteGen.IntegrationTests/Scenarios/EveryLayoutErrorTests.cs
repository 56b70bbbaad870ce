using System.Text.RegularExpressions;
using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenario f: every layout error reaches <c>dotnet build</c>. One project per case: the example of each PTE0xx page
/// in <c>docs/diagnostics</c>, and the declarations that used to hide the error behind the compiler's own (a layout
/// that implements the <c>OnGlobalKernelPage</c> hook, claims with a setter, <c>init</c> or <c>static</c>, a record
/// struct, a generic layout). All projects are built by one <c>dotnet build</c> of a solution, in parallel; each must
/// show its PTE error, once, in the user's file, and no diagnostic in a generated file.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class EveryLayoutErrorTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Prelude = "using System;\nusing PteGen;\n\n";

    /// <summary>A project: its folder name, the PTE id it must show, its C# source, extra project properties and a second file.</summary>
    private sealed record Case(string Name, string Id, string Source, string Properties = "", string Other = "");

    [Fact]
    public async Task EveryLayoutError_IsShownByDotnetBuild_OnceAndInTheUsersFile()
    {
        var cases = PageExamples().Concat(HiddenBehindCompilerErrors()).ToList();
        var scenario = Scenario.Create(fixture, "every-layout-error");
        foreach (var @case in cases)
        {
            scenario.WriteProject($"{@case.Name}/{@case.Name}.csproj", @case.Properties, scenario.PackageReference);
            scenario.Write($"{@case.Name}/Layout.cs", @case.Source);
            if (@case.Other.Length > 0)
            {
                scenario.Write($"{@case.Name}/Other.cs", @case.Other);
            }
        }

        scenario.Write("All.slnx", "<Solution>\n" + string.Concat(cases.Select(c => $"  <Project Path=\"{c.Name}/{c.Name}.csproj\" />\n")) + "</Solution>\n");
        // Thirty small projects: minutes on a loaded 2-core machine, so more than one build's usual limit.
        var build = await scenario.DotNetAsync(
            TimeSpan.FromMinutes(20),
            "build", "All.slnx", "-nologo", "-v:q", "-clp:NoSummary", "-tl:off", "-nodeReuse:false", "--disable-build-servers", "-maxcpucount");
        output.WriteLine(build.ToString());

        Assert.NotEqual(0, build.ExitCode);
        var failures = new List<string>();
        foreach (var @case in cases)
        {
            var project = Path.Combine(scenario.Root, @case.Name, @case.Name + ".csproj");
            var diagnostics = build.Diagnostics.Where(d => d.Project == project).ToList();
            var shown = diagnostics.Where(d => d.Code == @case.Id && d.IsError).ToList();
            if (shown.Count == 0)
            {
                failures.Add($"{@case.Name}: no {@case.Id}; the build shows: {string.Join(", ", diagnostics.Select(d => d.Code).Distinct())}");
            }
            else if (shown.Any(d => d.FileName != "Layout.cs"))
            {
                failures.Add($"{@case.Name}: {@case.Id} is not in the user's file: {shown[0].Line}");
            }

            // Two reports of one problem would print two lines with the same position and message.
            if (shown.GroupBy(d => (d.Origin, d.Message)).Any(group => group.Count() > 1))
            {
                failures.Add($"{@case.Name}: {@case.Id} is shown twice");
            }

            if (diagnostics.FirstOrDefault(d => d.IsInGeneratedFile) is { } generated)
            {
                failures.Add($"{@case.Name}: a diagnostic in a generated file: {generated.Line}");
            }
        }

        output.WriteLine($"{cases.Count} projects, {cases.Count - failures.Count} as expected");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The first C# block of every PTE0xx page: the example that the page says produces its error.</summary>
    private IEnumerable<Case> PageExamples()
    {
        var docs = Path.Combine(fixture.RepositoryRoot, "docs", "diagnostics");
        foreach (var page in Directory.GetFiles(docs, "PTE0*.md").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var example = CSharpBlock().Match(File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.True(example.Success, $"{page} has no C# example.");
            yield return new Case(id, id, Prelude + example.Groups["code"].Value, id == "PTE013" ? "<LangVersion>12</LangVersion>" : "");
        }
    }

    /// <summary>Declarations whose error the command-line compiler used to hide (no analyzer runs after CS0759 or CS9248).</summary>
    private IEnumerable<Case> HiddenBehindCompilerErrors()
    {
        // The sample implements OnGlobalKernelPage; the edit makes bit 62 guest-available under Debug too.
        var l1e = SampleSource.L1e.Replace("[GuestAvailable(62, When = \"!Pke && !Debug\")]", "[GuestAvailable(62, When = \"!Pke\")]");
        yield return new Case("HookAndOverlap", "PTE010", l1e, Other: SampleSource.XenConfig);

        static string Entry(string declaration, string rest) =>
            Prelude + "namespace Test;\n\n[PteLayout]\n" + declaration + "\n{\n"
            + "    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }\n"
            + "    " + rest + "\n}\n";

        yield return new Case("Setter", "PTE004", Entry("public readonly partial struct Entry", "[GuestAvailable(1, 63)] public partial ulong Rest { get; set; }"));
        yield return new Case("Init", "PTE004", Entry("public readonly partial struct Entry", "[GuestAvailable(1, 63)] public partial ulong Rest { get; init; }"));
        yield return new Case("Static", "PTE004", Entry("public readonly partial struct Entry", "[GuestAvailable(1, 63)] public static partial ulong Rest { get; }"));
        yield return new Case("RecordStruct", "PTE001", Entry("public readonly partial record struct Entry", "[GuestAvailable(1, 63)] public partial ulong Rest { get; }"));
        yield return new Case("Generic", "PTE002", Entry("public readonly partial struct Entry<T>", "[GuestAvailable(1, 63)] public partial ulong Rest { get; }"));
        yield return new Case("FileLocal", "PTE001", Entry("file readonly partial struct Entry", "[GuestAvailable(1, 63)] public partial ulong Rest { get; }"));
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
