using System.Text;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// The Xen sample's layout files (<c>samples/XenPv</c>), read from the repository: the one source of the Xen layouts
/// in the tests. A test that needs a variant derives it with <see cref="SampleText.Replace"/>, so the edit is visible
/// in the test and fails loudly once it no longer applies.
/// </summary>
internal static class SampleSource
{
    /// <summary><c>Layouts/XenConfig.cs</c>: the switches Debug and Pke, mutually exclusive.</summary>
    public static SampleText XenConfig { get; } = Read("Layouts/XenConfig.cs");

    /// <summary><c>Layouts/L1e.cs</c>: the leaf entry, whose bit 62 changes owner with the configuration.</summary>
    public static SampleText L1e { get; } = Read("Layouts/L1e.cs");

    public static SampleText L2e { get; } = Read("Layouts/L2e.cs");

    public static SampleText L3e { get; } = Read("Layouts/L3e.cs");

    public static SampleText L4e { get; } = Read("Layouts/L4e.cs");

    /// <summary><c>Abis/NegotiatedL1e.cs</c>: the per-domain ABI (it uses <see cref="XenConfig"/>).</summary>
    public static SampleText NegotiatedL1e { get; } = Read("Abis/NegotiatedL1e.cs");

    /// <summary><c>Abis/ExpertDebugL1e.cs</c>: the expert-debug ABI, with its own switches.</summary>
    public static SampleText ExpertDebugL1e { get; } = Read("Abis/ExpertDebugL1e.cs");

    /// <summary>
    /// <see cref="XenConfig"/> and <see cref="L1e"/> as one file (the usings of both, one namespace declaration), for
    /// the tests whose harness takes one source and marks spans in it.
    /// </summary>
    public static SampleText XenL1e { get; } = Join(XenConfig, L1e);

    /// <summary>The sample's namespace.</summary>
    public const string Namespace = "XenPv";

    /// <summary>The metadata name of the sample's L1 entry.</summary>
    public const string L1eName = Namespace + ".L1e";

    /// <summary>The text of a file of <c>samples/XenPv</c>, with Unix line endings whatever the checkout's.</summary>
    public static SampleText Read(string relativePath) =>
        new(Repository.ReadSample(relativePath).ReplaceLineEndings("\n"), "samples/XenPv/" + relativePath);

    /// <summary>
    /// Files with one file-scoped namespace each, the same one, as one file: their using directives (each once, in order
    /// of appearance), the namespace, and the rest of each file in order.
    /// </summary>
    public static SampleText Join(params SampleText[] files)
    {
        var usings = new List<string>();
        var bodies = new StringBuilder();
        string? namespaceLine = null;
        foreach (var file in files)
        {
            var start = file.Text.IndexOf("\nnamespace ", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{file.Origin} has no namespace declaration.");
            var end = file.Text.IndexOf('\n', start + 1);
            var line = file.Text[(start + 1)..end];
            Assert.True(line.EndsWith(';'), $"{file.Origin} does not declare a file-scoped namespace.");
            Assert.True(namespaceLine is null || namespaceLine == line, $"{file.Origin} declares {line}, not {namespaceLine}.");
            namespaceLine = line;
            foreach (var directive in file.Text[..start].Split('\n'))
            {
                Assert.True(directive.Length == 0 || directive.StartsWith("using ", StringComparison.Ordinal), $"{file.Origin} has '{directive}' before its namespace.");
                if (directive.Length > 0 && !usings.Contains(directive))
                {
                    usings.Add(directive);
                }
            }

            bodies.Append(file.Text, end + 1, file.Text.Length - end - 1);
        }

        var text = string.Join("\n", usings) + "\n\n" + namespaceLine + "\n" + bodies;
        return new SampleText(text, string.Join(" + ", files.Select(f => f.Origin)));
    }
}
