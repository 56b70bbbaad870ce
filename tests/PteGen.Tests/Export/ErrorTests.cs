namespace PteGen.Tests.Export;

/// <summary>
/// Every error path of <c>ptegen</c>, as a process: a message on standard error that says what is wrong, nothing on
/// standard output, and the documented exit code (2 usage, 3 input, 4 output).
/// </summary>
public sealed class ErrorTests
{
    private const int Usage = 2;
    private const int Input = 3;
    private const int Output = 4;

    [Fact]
    public void AMissingFile()
    {
        var missing = Path.Combine(TempFolder.Root, "no-such.dll");
        AssertError(Ptegen.Run("export", missing, "--format", "c"), Input, $"ptegen export: error: '{missing}' does not exist.");
        AssertError(Ptegen.Run("diff", ExportInputs.Demo, missing), Input, $"ptegen diff: error: '{missing}' does not exist.");
    }

    [Fact]
    public void AFolderInsteadOfAnAssembly() =>
        AssertError(Ptegen.Run("export", TempFolder.Root, "--format", "c"), Input, $"ptegen export: error: '{TempFolder.Root}' is a folder, not an assembly.");

    [Fact]
    public void AFileThatIsNotADotNetAssembly()
    {
        var text = Path.Combine(TempFolder.New("errors"), "notes.dll");
        File.WriteAllText(text, "not an assembly\n");
        AssertError(Ptegen.Run("export", text, "--format", "c"), Input, $"ptegen export: error: '{text}' is neither a .NET assembly (it is not a PE file) nor an ABI JSON file that 'ptegen export --format json' wrote.");

        // A native program (ELF here) is not one either.
        AssertError(Ptegen.Run("export", "/bin/sh", "--format", "c"), Input, "ptegen export: error: '/bin/sh' is neither a .NET assembly (it is not a PE file) nor an ABI JSON file that 'ptegen export --format json' wrote.");
    }

    [Fact]
    public void AnAssemblyWithoutLayouts()
    {
        // System.CommandLine.dll is next to the tests, and has no PteGen layout.
        var assembly = Path.Combine(AppContext.BaseDirectory, "System.CommandLine.dll");
        var run = Ptegen.Run("export", assembly, "--format", "c");
        AssertError(run, Input, $"ptegen export: error: '{assembly}' (System.CommandLine) holds no PteGen layouts: no type has the generated static 'Descriptor' property. Layouts are readonly partial structs with [PteLayout], built with the PteGen package.");
    }

    [Fact]
    public void AReferenceAssembly()
    {
        var reference = Path.Combine(TempFolder.New("errors"), "Reference.dll");
        var compilation = Infrastructure.TestCompilation.Create("[assembly: System.Runtime.CompilerServices.ReferenceAssembly] public class Empty { }");
        using (var stream = File.Create(reference))
        {
            Assert.True(compilation.Emit(stream).Success);
        }

        AssertError(Ptegen.Run("export", reference, "--format", "c"), Input,
            $"ptegen export: error: '{reference}' is a reference assembly (obj/.../ref), whose code is stripped: export the assembly the build writes to bin/ instead.");
    }

    [Fact]
    public void ABadJsonFile()
    {
        var folder = TempFolder.New("errors");
        var wrongFormat = Path.Combine(folder, "other.json");
        File.WriteAllText(wrongFormat, """{ "format": "something-else" }""");
        AssertError(Ptegen.Run("diff", wrongFormat, ExportInputs.Demo), Input,
            $"ptegen diff: error: '{wrongFormat}' is not a valid PteGen ABI JSON file (https://github.com/ptegen/ptegen/blob/main/docs/abi-json.md): 'format' is not \"ptegen-abi\".");

        var truncated = Path.Combine(folder, "truncated.json");
        File.WriteAllText(truncated, Ptegen.Succeed("export", ExportInputs.Demo, "--format", "json")[..200]);
        var run = Ptegen.Run("export", truncated, "--format", "c");
        Assert.Equal(Input, run.ExitCode);
        Assert.StartsWith($"ptegen export: error: '{truncated}' is not a valid PteGen ABI JSON file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("..", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFormat() =>
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "pdf"), Usage,
            "ptegen export: --format 'pdf' is not a format: use c, md, svg, json, baseline.\nRun 'ptegen export --help' for usage.");

    [Fact]
    public void AMissingFormat()
    {
        var run = Ptegen.Run("export", ExportInputs.Demo);
        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("--format", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void PicturesAndPagesNeedSomewhereToGo()
    {
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "svg"), Usage,
            "ptegen export: --format svg writes one picture per layout: give the folder with --out.\nRun 'ptegen export --help' for usage.");
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "md"), Usage,
            "ptegen export: --format md writes a page and its pictures: give the page or its folder with --out, or an existing page with --into.\nRun 'ptegen export --help' for usage.");
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "c", "--into", "page.md"), Usage,
            "ptegen export: --into is for --format md only.\nRun 'ptegen export --help' for usage.");
    }

    [Fact]
    public void AnUnknownCommand()
    {
        var run = Ptegen.Run("publish");
        Assert.Equal(Usage, run.ExitCode);
        Assert.Equal("ptegen: Unrecognized command or argument 'publish'.\nRun 'ptegen --help' for usage; the commands are export, diff.\n", run.Stderr);
    }

    [Fact]
    public void PicturesNeedAFolder_NotAFileName()
    {
        var file = Path.Combine(TempFolder.New("errors"), "pic.svg");
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "svg", "--out", file), Usage,
            $"ptegen export: --format svg writes one picture per layout into a folder, and '{file}' names a file: give its folder.\nRun 'ptegen export --help' for usage.");
        Assert.False(Directory.Exists(file));
    }

    [Fact]
    public void AnOutputFolderThatCannotBeCreated()
    {
        // A folder cannot be made under a file (root, which runs CI, may write anywhere else).
        var file = Path.Combine(TempFolder.New("errors"), "a-file");
        File.WriteAllText(file, "");
        var under = Path.Combine(file, "pictures");
        var run = Ptegen.Run("export", ExportInputs.Demo, "--format", "svg", "--out", under);
        Assert.Equal(Output, run.ExitCode);
        Assert.StartsWith($"ptegen export: error: cannot create the folder '{under}': ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);

        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "svg", "--out", file), Output,
            $"ptegen export: error: cannot write into '{file}': it is a file, not a folder.");
    }

    [Fact]
    public void AnOutputFileThatCannotBeWritten()
    {
        var run = Ptegen.Run("export", ExportInputs.Demo, "--format", "c", "--out", "/dev/full");
        Assert.Equal(Output, run.ExitCode);
        Assert.StartsWith("ptegen export: error: cannot write '/dev/full': ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Stderr, "/dev/full"));
    }

    [Fact]
    public void APageWithoutMarkers()
    {
        var page = Path.Combine(TempFolder.New("errors"), "page.md");
        File.WriteAllText(page, "# A page\n\nNo markers.\n");
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "md", "--into", page), Input,
            $"ptegen export: error: '{page}' has no line '<!-- ptegen:begin -->': --into replaces the lines between '<!-- ptegen:begin -->' and '<!-- ptegen:end -->', each on a line of its own.");

        // Nothing was written: no pictures beside it.
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(page)!, "images")));

        var missing = Path.Combine(Path.GetDirectoryName(page)!, "missing.md");
        AssertError(Ptegen.Run("export", ExportInputs.Demo, "--format", "md", "--into", missing), Input,
            $"ptegen export: error: --into '{missing}' does not exist: --into replaces the marked region of an existing page.");
    }

    private static void AssertError(PtegenRun run, int exitCode, string message)
    {
        Assert.True(run.ExitCode == exitCode, $"Expected exit {exitCode}:\n{run}");
        Assert.Equal(message + "\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
