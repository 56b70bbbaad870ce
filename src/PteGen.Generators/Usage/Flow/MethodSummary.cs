using System.Collections.Generic;
using System.Linq;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// What a method (or local function) does with its integer parameters: for each, the bits of its value that reach
/// a place where they become an entry of a layout, unchanged. A call passes its arguments' writers through it.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(new Dictionary<int, Dictionary<GuestLayout, ulong>>());

    private readonly Dictionary<int, Dictionary<GuestLayout, ulong>> _sinks;

    private MethodSummary(Dictionary<int, Dictionary<GuestLayout, ulong>> sinks) => _sinks = sinks;

    public bool IsEmpty => _sinks.Count == 0;

    /// <summary>The layouts the parameter's value reaches, with the bits that reach each.</summary>
    public IEnumerable<KeyValuePair<GuestLayout, ulong>> SinksOf(int ordinal) =>
        _sinks.TryGetValue(ordinal, out var sinks) ? sinks : Enumerable.Empty<KeyValuePair<GuestLayout, ulong>>();

    public bool SameAs(MethodSummary other)
    {
        if (_sinks.Count != other._sinks.Count)
        {
            return false;
        }

        foreach (var pair in _sinks)
        {
            if (!other._sinks.TryGetValue(pair.Key, out var sinks) || sinks.Count != pair.Value.Count)
            {
                return false;
            }

            foreach (var sink in pair.Value)
            {
                if (!sinks.TryGetValue(sink.Key, out var bits) || bits != sink.Value)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Collects a summary while a body is analyzed.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<int, Dictionary<GuestLayout, ulong>> _sinks = new();

        public void Add(int ordinal, GuestLayout layout, ulong bits)
        {
            if (!_sinks.TryGetValue(ordinal, out var sinks))
            {
                _sinks[ordinal] = sinks = new Dictionary<GuestLayout, ulong>();
            }

            sinks[layout] = (sinks.TryGetValue(layout, out var existing) ? existing : 0) | bits;
        }

        public MethodSummary ToSummary() => _sinks.Count == 0 ? Empty : new MethodSummary(_sinks);
    }
}
