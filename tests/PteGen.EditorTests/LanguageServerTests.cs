using PteGen.EditorTests.Lsp;

namespace PteGen.EditorTests;

/// <summary>
/// What an editor shows through a real language server (csharp-ls, analyzers enabled): the guest rules on a copy of
/// the guest sample, a layout error on a broken layout, both following edits, and a build-setting diagnostic at the
/// source location PteGen gives it. Positions are found in the files' text, not written down.
/// </summary>
public sealed class LanguageServerTests(LanguageServerFixture fixture, ITestOutputHelper output) : IClassFixture<LanguageServerFixture>, IDisposable
{
    /// <summary>Loading the projects and the first analysis, on a busy 2-core machine.</summary>
    private static readonly TimeSpan FirstAnalysis = TimeSpan.FromMinutes(4);

    /// <summary>Analysis after an edit.</summary>
    private static readonly TimeSpan AfterEdit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Where <c>Violations/Violations.cs</c> writes Xen's bits (the README's <c>dotnet build</c> output lists the
    /// same six under Debug): PTE101 is reported at the operation that forces the bit.
    /// </summary>
    private static readonly string[] ViolationSnippets =
    [
        "entry.WithGuestKernel(true)",
        "raw |= CollidingBits.Pinned",
        "entry.Raw & ~L1e.GuestKernelMask",
        "Hypercalls.PageKernel | GrantFlag",
        "raw | L1e.GuestKernelMask",
        "installed.Raw & ~L1e.GuestKernelMask",
    ];

    private LanguageServer Server => fixture.Server;

    private EditorWorkspace Workspace => fixture.Workspace;

    [Fact]
    public Task GuestSample_Pte101ArrivesAtEachViolation_AndTheGeneratedMembersResolve() => WithTranscriptOnFailure(async () =>
    {
        var expected = ViolationSnippets.Select(snippet => PositionOf(Workspace.Violations, snippet)).ToHashSet();
        var diagnostics = await Server.WaitForAsync(
            Workspace.Violations,
            $"PTE101 at exactly {string.Join(", ", expected.Select(Format))}",
            found => Positions(found, "PTE101").SetEquals(expected),
            FirstAnalysis);
        fixture.Mark("PTE101 in Violations.cs");

        Assert.Contains(
            diagnostics,
            d => d.Code == "PTE101" && (d.Line, d.Character) == PositionOf(Workspace.Violations, "entry.WithGuestKernel(true)")
                && d.Message == "Guest code writes bit 52 of 'L1e': Xen reserves bit 52 (GuestKernel) under configuration Debug");

        // The file calls generated members (WithGuestKernel, GuestKernelMask): an error here would mean the editor
        // does not see the generated code.
        Assert.DoesNotContain(diagnostics, d => d.Severity == 1);
    });

    [Fact]
    public Task ConfigurationSetting_Pte105ArrivesAtTheFirstReferenceToALayout_OncePerCompilation() => WithTranscriptOnFailure(async () =>
    {
        // Hypercalls.cs is the project's first file; its first reference to a layout is the type in [PteValue(typeof(L1e))].
        var anchor = PositionOf(Workspace.Hypercalls, "[PteValue(typeof(L1e))] ulong val", offset: "[PteValue(typeof(".Length);
        var diagnostics = await Server.WaitForAsync(
            Workspace.Hypercalls,
            $"PTE105 at {Format(anchor)}",
            found => found.Any(d => d.Code == "PTE105"),
            FirstAnalysis);
        fixture.Mark("PTE105 in Hypercalls.cs");

        var unknownSwitch = Assert.Single(diagnostics, d => d.Code == "PTE105");
        Assert.Equal(Format(anchor), Format((unknownSwitch.Line, unknownSwitch.Character)));
        Assert.Equal(
            "PteGenConfiguration names 'Nx', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke, PvPteDebug)",
            unknownSwitch.Message);
        Assert.Equal(2, unknownSwitch.Severity);

        // Not once per file: the other documents of the project do not get it.
        var violations = await Server.WaitForAsync(
            Workspace.Violations, "analyzed", found => found.Any(d => d.Code == "PTE101"), FirstAnalysis);
        Assert.DoesNotContain(violations, d => d.Code == "PTE105");
    });

    [Fact]
    public Task BrokenLayout_Pte010Arrives_AndFollowsEditsOfTheSwitches() => WithTranscriptOnFailure(async () =>
    {
        var claim = PositionOf(Workspace.BrokenLayout, EditorWorkspace.OverlappingClaim);
        var broken = await Server.WaitForAsync(
            Workspace.BrokenLayout,
            $"PTE010 on line {claim.Line + 1}",
            found => found.Any(d => d.Code == "PTE010"),
            FirstAnalysis);
        fixture.Mark("PTE010 in Broken/L1e.cs");

        var overlap = Assert.Single(broken, d => d.Code == "PTE010");
        Assert.Equal(claim.Line, overlap.Line);
        Assert.Equal(1, overlap.Severity);
        Assert.Contains("Bit 62 of 'L1e'", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("'ProtectionKey'", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("'GrantMapping'", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("Debug|Pke", overlap.Message, StringComparison.Ordinal);

        // Debug and Pke declared exclusive: no configuration has two owners for bit 62 any more.
        var fixedLayout = EditorWorkspace.BrokenLayoutSource.Replace("[Flags]", EditorWorkspace.MutuallyExclusive + "\n[Flags]", StringComparison.Ordinal);
        await Server.ChangeAsync(Workspace.BrokenLayout, fixedLayout);
        var clean = await Server.WaitForAsync(
            Workspace.BrokenLayout, "without PTE010", found => found.All(d => d.Code != "PTE010"), AfterEdit);
        fixture.Mark("PTE010 gone after an edit");
        Assert.DoesNotContain(clean, d => d.Code.StartsWith("PTE", StringComparison.Ordinal) || d.Severity == 1);

        // And back: the overlap returns with the text.
        await Server.ChangeAsync(Workspace.BrokenLayout, EditorWorkspace.BrokenLayoutSource);
        var again = await Server.WaitForAsync(
            Workspace.BrokenLayout, "with PTE010 again", found => found.Any(d => d.Code == "PTE010"), AfterEdit);
        fixture.Mark("PTE010 back after an edit");
        Assert.Equal(claim.Line, Assert.Single(again, d => d.Code == "PTE010").Line);
    });

    [Fact]
    public Task GuestEdit_Pte101AppearsWithAWriteOfXensBit_AndGoesWithIt() => WithTranscriptOnFailure(async () =>
    {
        // The project is analyzed once the sample's own violations are there; the file to edit is clean then.
        await Server.WaitForAsync(Workspace.Violations, "analyzed", found => found.Any(d => d.Code == "PTE101"), FirstAnalysis);
        var before = await Server.PullAsync(Workspace.Remapping, AfterEdit);
        Assert.DoesNotContain(before, d => d.Code.StartsWith("PTE1", StringComparison.Ordinal));

        const string XenWrite = "entry.WithGuestKernel(true)";
        var edited = EditorWorkspace.RemappingSource.Replace(EditorWorkspace.CleanWrite, XenWrite, StringComparison.Ordinal);
        var write = PositionOfText(edited, XenWrite);
        await Server.ChangeAsync(Workspace.Remapping, edited);
        var flagged = await Server.WaitForAsync(
            Workspace.Remapping,
            $"PTE101 at {Format(write)}",
            found => Positions(found, "PTE101").SetEquals([write]),
            AfterEdit);
        fixture.Mark("PTE101 appeared after an edit");
        Assert.Equal(
            "Guest code writes bit 52 of 'L1e': Xen reserves bit 52 (GuestKernel) under configuration Debug",
            Assert.Single(flagged, d => d.Code == "PTE101").Message);

        await Server.ChangeAsync(Workspace.Remapping, EditorWorkspace.RemappingSource);
        await Server.WaitForAsync(
            Workspace.Remapping, "without PTE101", found => found.All(d => d.Code != "PTE101"), AfterEdit);
        fixture.Mark("PTE101 gone after an edit");
    });

    public void Dispose()
    {
        output.WriteLine($"Since the fixture started ({fixture.Elapsed.TotalSeconds:F1} s):");
        foreach (var timing in fixture.Timings)
        {
            output.WriteLine("  " + timing);
        }
    }

    /// <summary>A failed assertion comes with what the server said (a timed-out wait says it in its message already).</summary>
    private async Task WithTranscriptOnFailure(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            output.WriteLine("csharp-ls transcript:");
            output.WriteLine(fixture.Server.Transcript);
            throw;
        }
    }

    private static HashSet<(int Line, int Character)> Positions(IEnumerable<EditorDiagnostic> diagnostics, string code) =>
        diagnostics.Where(d => d.Code == code).Select(d => (d.Line, d.Character)).ToHashSet();

    /// <summary>The 0-based line and character of the only occurrence of <paramref name="snippet"/> in the file, plus <paramref name="offset"/> characters.</summary>
    private static (int Line, int Character) PositionOf(string path, string snippet, int offset = 0)
    {
        var position = PositionOfText(File.ReadAllText(path), snippet);
        return (position.Line, position.Character + offset);
    }

    private static (int Line, int Character) PositionOfText(string text, string snippet)
    {
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0 && text.IndexOf(snippet, index + 1, StringComparison.Ordinal) < 0, $"'{snippet}' must occur exactly once.");
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return (text[..index].Count(c => c == '\n'), index - lineStart);
    }

    /// <summary>1-based, as <c>dotnet build</c> prints it.</summary>
    private static string Format((int Line, int Character) position) => $"({position.Line + 1},{position.Character + 1})";
}
