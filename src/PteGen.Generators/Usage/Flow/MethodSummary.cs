using System.Collections.Generic;
using System.Linq;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// What a method (or local function) does with integers, as its callers need it: for each integer parameter, the bits
/// of its value that reach a place where they become an entry of a layout, unchanged; and, for a method that returns
/// an integer, what is known of the value it returns: its bits, the bits its own operations forced (a caller whose
/// entry receives them is told at the call), and the bits of each parameter it returns unchanged.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(new Dictionary<int, Dictionary<GuestLayout, ulong>>(), null, 0, WriterKind.Sets, new Dictionary<int, ulong>());

    private readonly Dictionary<int, Dictionary<GuestLayout, ulong>> _sinks;
    private readonly Dictionary<int, ulong> _passedThrough;

    private MethodSummary(
        Dictionary<int, Dictionary<GuestLayout, ulong>> sinks,
        BitValue? returned,
        ulong forced,
        WriterKind forcedKind,
        Dictionary<int, ulong> passedThrough)
    {
        _sinks = sinks;
        Returned = returned;
        Forced = forced;
        ForcedKind = forcedKind;
        _passedThrough = passedThrough;
    }

    /// <summary>Whether a parameter reaches an entry (a call to the method is then a place where a value can become one).</summary>
    public bool HasSinks => _sinks.Count != 0;

    /// <summary>The returned value's known bits (its writers left out), or <see langword="null"/> when nothing is returned.</summary>
    public BitValue? Returned { get; }

    /// <summary>The returned bits that the method's own operations forced.</summary>
    public ulong Forced { get; }

    /// <summary>What those operations did, when they agree (otherwise "sets").</summary>
    public WriterKind ForcedKind { get; }

    /// <summary>The parameters whose bits are returned unchanged, with those bits.</summary>
    public IEnumerable<KeyValuePair<int, ulong>> PassedThrough => _passedThrough;

    /// <summary>Every layout a parameter reaches.</summary>
    public IEnumerable<GuestLayout> SinkLayouts => _sinks.Values.SelectMany(sinks => sinks.Keys);

    /// <summary>The layouts the parameter's value reaches, with the bits that reach each.</summary>
    public IEnumerable<KeyValuePair<GuestLayout, ulong>> SinksOf(int ordinal) =>
        _sinks.TryGetValue(ordinal, out var sinks) ? sinks : Enumerable.Empty<KeyValuePair<GuestLayout, ulong>>();

    public bool SameAs(MethodSummary other)
    {
        if (_sinks.Count != other._sinks.Count
            || Forced != other.Forced
            || ForcedKind != other.ForcedKind
            || Returned.HasValue != other.Returned.HasValue
            || (Returned is { } returned && !returned.Equals(other.Returned!.Value))
            || _passedThrough.Count != other._passedThrough.Count)
        {
            return false;
        }

        foreach (var pair in _passedThrough)
        {
            if (!other._passedThrough.TryGetValue(pair.Key, out var bits) || bits != pair.Value)
            {
                return false;
            }
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
        private BitValue? _returned;

        public void Add(int ordinal, GuestLayout layout, ulong bits)
        {
            if (!_sinks.TryGetValue(ordinal, out var sinks))
            {
                _sinks[ordinal] = sinks = new Dictionary<GuestLayout, ulong>();
            }

            sinks[layout] = (sinks.TryGetValue(layout, out var existing) ? existing : 0) | bits;
        }

        /// <summary>A value the body returns (every return joins).</summary>
        public void Return(BitValue value) => _returned = _returned is { } earlier ? BitValue.Join(earlier, value) : value;

        public MethodSummary ToSummary(WriterTable writers)
        {
            var passedThrough = new Dictionary<int, ulong>();
            ulong forced = 0;
            WriterKind? kind = null;
            var mixed = false;
            if (_returned is { } returned)
            {
                foreach (var written in returned.Writers)
                {
                    if (WriterTable.IsParameter(written.Writer))
                    {
                        var ordinal = WriterTable.ParameterOrdinal(written.Writer);
                        passedThrough[ordinal] = (passedThrough.TryGetValue(ordinal, out var bits) ? bits : 0) | written.Bits;
                        continue;
                    }

                    forced |= written.Bits;
                    var writerKind = writers[written.Writer].Kind;
                    mixed |= kind is { } seen && seen != writerKind;
                    kind = writerKind;
                }
            }

            if (_sinks.Count == 0 && _returned is null)
            {
                return Empty;
            }

            return new MethodSummary(
                _sinks,
                _returned?.WithWriters(null),
                forced,
                mixed || kind is null ? WriterKind.Sets : kind.Value,
                passedThrough);
        }
    }
}
