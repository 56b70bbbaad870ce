namespace PteGen.Tests.Tool;

/// <summary>
/// The compatibility matrix of <c>xenpte compat</c>, cell by cell, against a matrix written out here by hand from
/// <c>docs/guest-os-pte-bits.md</c>: Xen's bit 52 in every configuration, bit 62 under Debug, the protection key 59-62
/// under Pke, bit 11 under Debug in the 2005-2008 layout; a bit a guest sets only with a feature Xen never offers to
/// PV (protection keys, 2 MiB leaves, bhyve's EPT tables) is shown apart and is no collision.
/// </summary>
public class CompatMatrixTests
{
    private const string Ok = "ok";
    private const string Negotiated = "GuestKernel 52, GrantMapping 62; nothing dropped";

    private static string Collides2005(string bit, string macro, string? feature = null) =>
        $"{bit} {macro}: Xen's (GrantMapping) under Debug (2005 layout){(feature is null ? "" : " with " + feature)}";

    private static string OkExcept(string feature, string uses) => $"ok ({feature} only, never under PV: {uses})";

    private const string LinuxPkeysUnderPke =
        "bit 59 _PAGE_BIT_PKEY_BIT0, bit 60 _PAGE_BIT_PKEY_BIT1, bit 61 _PAGE_BIT_PKEY_BIT2, bit 62 _PAGE_BIT_PKEY_BIT3";

    /// <summary>Guest id → None (release), Debug, Pke, Debug (2005 layout), negotiated (Debug).</summary>
    private static readonly (string Guest, string[] Cells)[] Expected =
    [
        // Bits 9-11; kmemcheck's bit 11 is a build option a PV kernel may have.
        ("linux-2.6.32", [Ok, Ok, Ok, Collides2005("bit 11", "_PAGE_BIT_HIDDEN", "CONFIG_KMEMCHECK"), Negotiated]),
        // Bit 10 only on 2 MiB PMDs, which PV has not; bit 11 soft-dirty if configured.
        ("linux-4.4", [Ok, Ok, Ok, Collides2005("bit 11", "_PAGE_BIT_SOFT_DIRTY", "CONFIG_MEM_SOFT_DIRTY"), Negotiated]),
        // DEVMAP on 58 (free everywhere); protection keys 59-62 only with PKU.
        ("linux-5.10", [Ok, OkExcept("PKU", "bit 62 _PAGE_BIT_PKEY_BIT3"), OkExcept("PKU", LinuxPkeysUnderPke), Collides2005("bit 11", "_PAGE_BIT_SOFT_DIRTY"), Negotiated]),
        // DEVMAP 57 and SAVED_DIRTY 58 are free everywhere.
        ("linux-6.12", [Ok, OkExcept("PKU", "bit 62 _PAGE_BIT_PKEY_BIT3"), OkExcept("PKU", LinuxPkeysUnderPke), Collides2005("bit 11", "_PAGE_BIT_SOFT_DIRTY"), Negotiated]),
        // Bit 52 only in bhyve's EPT tables, never in an x86 entry Xen sees; PG_W on 11.
        ("freebsd-10.4-amd64", [
            OkExcept("bhyve EPT tables", "bit 52 EPT_PG_EMUL_V"),
            OkExcept("bhyve EPT tables", "bit 52 EPT_PG_EMUL_V"),
            OkExcept("bhyve EPT tables", "bit 52 EPT_PG_EMUL_V"),
            Collides2005("bit 11", "PG_W"),
            Negotiated]),
        // PG_PROMOTED on 11 is a PDE-only bit: never in a PV leaf.
        ("freebsd-10.4-i386", [Ok, Ok, Ok, OkExcept("2 MiB pages", "bit 11 PG_PROMOTED"), Negotiated]),
        ("netbsd-amd64", [Ok, Ok, Ok, Ok, Negotiated]),
        // PG_X is bit 11: the 2005 debug grant bit.
        ("netbsd-i386", [Ok, Ok, Ok, Collides2005("bit 11", "PG_X"), Negotiated]),
        // The control: protection keys only.
        ("openbsd-amd64", [Ok, OkExcept("PKU", "bit 62 PG_PKMASK"), OkExcept("PKU", "bit 59 PG_XO, bits 59-62 PG_PKMASK"), Ok, Negotiated]),
        ("illumos-i86xpv", [Ok, Ok, Ok, Ok, Negotiated]),
        ("mini-os", [Ok, Ok, Ok, Ok, Negotiated]),
    ];

    private static readonly string[] Columns = ["None (release)", "Debug", "Pke", "Debug (2005 layout)", "negotiated (Debug)"];

    [Fact]
    public void EveryCellMatchesTheMatrixWrittenFromTheSurvey()
    {
        var run = Xenpte.Run("compat", "--format", "md");
        Assert.True(run.ExitCode == 0, run.ToString());

        var table = MarkdownTable.Parse(run.Stdout);
        Assert.Equal(["guest", .. Columns], table.Headers);
        Assert.Equal(Expected.Select(row => row.Guest), table.Rows.Select(row => GuestId(row[0])));
        var mismatches = new List<string>();
        foreach (var (guest, cells) in Expected)
        {
            var actual = table.Rows.Single(row => GuestId(row[0]) == guest);
            for (var column = 0; column < Columns.Length; column++)
            {
                if (actual[column + 1] != cells[column])
                {
                    mismatches.Add($"{guest} / {Columns[column]}:\n  expected: {cells[column]}\n  actual:   {actual[column + 1]}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void TheThreeFindings_Bit52NoGuest_Bit11NetBsdI386_Bit62OnlyThroughProtectionKeys()
    {
        var table = MarkdownTable.Parse(Xenpte.Run("compat", "--format", "md").Stdout);
        var cells = table.Rows.SelectMany(row => row.Skip(1).Take(4).Select(cell => (Guest: GuestId(row[0]), Cell: cell))).ToList();

        // Bit 52 collides with no surveyed guest: it appears only as a use that never reaches Xen.
        Assert.DoesNotContain(cells, item => item.Cell.StartsWith("bit 52", StringComparison.Ordinal) || item.Cell.Contains("; bit 52", StringComparison.Ordinal));

        // The 2005 debug bit collided with NetBSD i386's PG_X.
        Assert.Contains(cells, item => item.Guest == "netbsd-i386" && item.Cell == "bit 11 PG_X: Xen's (GrantMapping) under Debug (2005 layout)");

        // Today's debug bit 62 collides with nobody; it is named only inside the protection-key notes.
        var debug = table.Rows.Select(row => row[2]).ToList();
        Assert.All(debug, cell => Assert.StartsWith("ok", cell, StringComparison.Ordinal));
        Assert.All(debug.Where(cell => cell.Contains("bit 62", StringComparison.Ordinal)), cell => Assert.StartsWith("ok (PKU only, never under PV:", cell, StringComparison.Ordinal));
        Assert.Equal(3, debug.Count(cell => cell.Contains("bit 62", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheTextTableHasTheSameCells()
    {
        var markdown = MarkdownTable.Parse(Xenpte.Run("compat", "--format", "md").Stdout);
        var text = Xenpte.Run("compat");
        Assert.True(text.ExitCode == 0, text.ToString());

        // A text row is the id and the cells, padded apart by two spaces or more; no cell holds two spaces in a row.
        var lines = text.Lines.Where(line => line.Length > 0).ToList();
        Assert.Equal(["guest", .. Columns], System.Text.RegularExpressions.Regex.Split(lines[0].TrimEnd(), " {2,}"));
        Assert.Matches("^[- ]+$", lines[1]);
        Assert.Equal(markdown.Rows.Count, lines.Count - 2);
        foreach (var (row, line) in markdown.Rows.Zip(lines.Skip(2)))
        {
            Assert.Equal([GuestId(row[0]), .. row.Skip(1)], System.Text.RegularExpressions.Regex.Split(line.TrimEnd(), " {2,}"));
        }
    }

    /// <summary>The id of a Markdown row's first cell, <c>Linux 6.12.117 (`linux-6.12`)</c>.</summary>
    private static string GuestId(string cell)
    {
        var start = cell.LastIndexOf("(`", StringComparison.Ordinal);
        Assert.True(start >= 0 && cell.EndsWith("`)", StringComparison.Ordinal), $"No (`id`) in '{cell}'.");
        return cell.Substring(start + 2, cell.Length - start - 4);
    }
}

/// <summary>A Markdown table as <c>xenpte compat --format md</c> writes it: a header row, a rule, then rows.</summary>
internal sealed record MarkdownTable(string[] Headers, IReadOnlyList<string[]> Rows)
{
    public static MarkdownTable Parse(string output)
    {
        var lines = output.Split('\n').Where(line => line.StartsWith('|')).ToList();
        Assert.True(lines.Count >= 2, $"No Markdown table in:\n{output}");
        Assert.Matches(@"^\|(---\|)+$", lines[1]);
        return new MarkdownTable(Cells(lines[0]), lines.Skip(2).Select(Cells).ToList());
    }

    private static string[] Cells(string line)
    {
        Assert.StartsWith("| ", line, StringComparison.Ordinal);
        Assert.EndsWith(" |", line, StringComparison.Ordinal);
        return line[2..^2].Split(" | ");
    }
}
