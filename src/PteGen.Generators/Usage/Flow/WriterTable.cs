using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// The writers of one analyzed body, one per forcing operation: revisiting an operation (a loop body analyzed
/// again) finds the same writer, so a fixed point is reached. A parameter's pseudo-writer has the negative id
/// <c>-(ordinal + 1)</c>, so the value operations can tell it from a real one without the table.
/// </summary>
internal sealed class WriterTable
{
    private readonly List<Writer> _writers = new();
    private readonly Dictionary<SyntaxNode, int> _byOperation = new();

    public Writer this[int id] => _writers[id];

    public static bool IsParameter(int id) => id < 0;

    public static int ParameterOrdinal(int id) => -id - 1;

    public static int ForParameter(int ordinal) => -(ordinal + 1);

    public int ForOperation(SyntaxNode syntax, WriterKind kind)
    {
        if (!_byOperation.TryGetValue(syntax, out var id))
        {
            id = _writers.Count;
            _writers.Add(new Writer(kind, syntax));
            _byOperation.Add(syntax, id);
        }

        return id;
    }
}
