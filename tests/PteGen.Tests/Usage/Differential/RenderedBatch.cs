using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>A guest file holding several programs, and where each program's class is in it (to attribute diagnostics).</summary>
internal sealed class RenderedBatch(string source, IReadOnlyList<(GuestProgram Program, TextSpan ClassSpan)> programs)
{
    public string Source { get; } = source;

    public IReadOnlyList<(GuestProgram Program, TextSpan ClassSpan)> Programs { get; } = programs;

    /// <summary>The index of the program whose class contains <paramref name="span"/>, or -1.</summary>
    public int ProgramAt(TextSpan span)
    {
        for (var index = 0; index < Programs.Count; index++)
        {
            if (Programs[index].ClassSpan.Contains(span))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The source text of one program's class.</summary>
    public string ClassText(int index) => Source.Substring(Programs[index].ClassSpan.Start, Programs[index].ClassSpan.Length);

    public string Text(TextSpan span) => Source.Substring(span.Start, span.Length);
}
