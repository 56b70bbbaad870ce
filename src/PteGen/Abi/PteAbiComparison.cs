// Compiled into both PteGen.dll (public) and the generator (internal): the one statement of the baseline's rules, for
// the analyzer and for `ptegen diff`.
using System;
using System.Collections.Generic;
using System.Text;

namespace PteGen
{
    /// <summary>Compares a layout's current facts with <c>PteAbi.Shipped.txt</c> and <c>PteAbi.Unshipped.txt</c>.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    static class PteAbiComparison
    {
        private const int BitCount = 64;

        /// <summary>
        /// The changes, ordered by layout, configuration, kind and bit:
        /// a <b>break</b> for every run of bits of a shipped (layout, configuration) whose claim differs from the current
        /// one, and for every shipped (layout, configuration) that is gone; an <b>addition</b> for every current fact
        /// under a (layout, configuration) that has not shipped and that is not in the unshipped file; a <b>stale</b>
        /// entry for every unshipped fact that is not current.
        /// </summary>
        /// <param name="shipped">The facts of <c>PteAbi.Shipped.txt</c>.</param>
        /// <param name="unshipped">The facts of <c>PteAbi.Unshipped.txt</c>.</param>
        /// <param name="current">The layouts' facts now.</param>
        public static IReadOnlyList<PteAbiChange> Compare(
            IEnumerable<PteAbiFact> shipped,
            IEnumerable<PteAbiFact> unshipped,
            IEnumerable<PteAbiFact> current)
        {
            var shippedFacts = Sorted(shipped ?? throw new ArgumentNullException(nameof(shipped)));
            var changes = new List<PteAbiChange>();
            var currentFacts = Sorted(current ?? throw new ArgumentNullException(nameof(current)));
            var unshippedFacts = Sorted(unshipped ?? throw new ArgumentNullException(nameof(unshipped)));
            var names = new LayoutNames(shippedFacts, unshippedFacts, currentFacts);
            var shippedAlternatives = new Dictionary<ConfigurationKey, PteAbiFact?[]>();
            var shippedBits = BitsByConfiguration(shippedFacts, changes, shippedAlternatives, names);
            var currentBits = BitsByConfiguration(currentFacts, null, null, names);
            var currentSet = new HashSet<PteAbiFact>(currentFacts);
            var unshippedSet = new HashSet<PteAbiFact>(unshippedFacts);
            var currentLayouts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fact in currentFacts)
            {
                currentLayouts.Add(fact.Layout);
            }

            // A layout that is gone is one break, at its first shipped configuration; a configuration that is gone from
            // a layout that is still there is one break per configuration.
            var reportedGoneLayouts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in shippedBits)
            {
                if (currentBits.TryGetValue(pair.Key, out var now))
                {
                    shippedAlternatives.TryGetValue(pair.Key, out var alternatives);
                    AddBreaks(pair.Key, pair.Value, alternatives, now, changes, names);
                }
                else if (!currentLayouts.Contains(pair.Key.Layout))
                {
                    if (reportedGoneLayouts.Add(pair.Key.Layout))
                    {
                        changes.Add(new PteAbiChange(
                            PteAbiChangeKind.Break,
                            pair.Key.Layout,
                            pair.Key.Configuration,
                            0,
                            BitCount - 1,
                            null,
                            null,
                            true,
                            "'" + pair.Key.Layout + "' is in " + PteAbiBaseline.ShippedFileName
                            + ", but no layout of that name exists now: it was removed or renamed"));
                    }
                }
                else
                {
                    changes.Add(new PteAbiChange(
                        PteAbiChangeKind.Break,
                        pair.Key.Layout,
                        pair.Key.Configuration,
                        0,
                        BitCount - 1,
                        null,
                        null,
                        true,
                        "'" + names.Of(pair.Key.Layout) + "' under " + pair.Key.Configuration + ": in "
                        + PteAbiBaseline.ShippedFileName + ", no longer a valid configuration"));
                }
            }

            PteAbiFact? previous = null;
            foreach (var fact in currentFacts)
            {
                if (!fact.Equals(previous)
                    && !shippedBits.ContainsKey(new ConfigurationKey(fact.Layout, fact.Configuration))
                    && !unshippedSet.Contains(fact))
                {
                    changes.Add(new PteAbiChange(
                        PteAbiChangeKind.Addition, fact.Layout, fact.Configuration, fact.Low, fact.High, null, fact, false,
                        fact.ToLine() + ": in neither " + PteAbiBaseline.ShippedFileName + " nor " + PteAbiBaseline.UnshippedFileName));
                }

                previous = fact;
            }

            previous = null;
            foreach (var fact in unshippedFacts)
            {
                if (!fact.Equals(previous) && !currentSet.Contains(fact))
                {
                    changes.Add(new PteAbiChange(
                        PteAbiChangeKind.Stale, fact.Layout, fact.Configuration, fact.Low, fact.High, fact, null, false,
                        fact.ToLine() + ": in " + PteAbiBaseline.UnshippedFileName + ", but no current claim matches it"));
                }

                previous = fact;
            }

            changes.Sort(CompareChanges);
            return changes;
        }

        // A bit the shipped file gives two claims (already a break of its own) is no further break if either is current.
        private static void AddBreaks(ConfigurationKey key, PteAbiFact?[] before, PteAbiFact?[]? alternatives, PteAbiFact?[] after, List<PteAbiChange> changes, LayoutNames names)
        {
            var bit = 0;
            while (bit < BitCount)
            {
                var old = before[bit];
                var now = after[bit];
                if (Equals(old, now) || (alternatives?[bit] is { } alternative && alternative.Equals(now)))
                {
                    bit++;
                    continue;
                }

                // Contiguous bits with the same old and new claim are one change.
                var high = bit;
                while (high + 1 < BitCount && Equals(before[high + 1], old) && Equals(after[high + 1], now))
                {
                    high++;
                }

                changes.Add(new PteAbiChange(
                    PteAbiChangeKind.Break, key.Layout, key.Configuration, bit, high, old, now, false,
                    BreakMessage(key, bit, high, old, now, names)));
                bit = high + 1;
            }
        }

        private static string BreakMessage(ConfigurationKey key, int low, int high, PteAbiFact? old, PteAbiFact? now, LayoutNames names)
        {
            var text = new StringBuilder()
                .Append(low == high ? "bit " + low : "bits " + low + "-" + high)
                .Append(" of '").Append(names.Of(key.Layout)).Append("' under ").Append(key.Configuration).Append(": ");
            if (old is null || now is null || old.Owner != now.Owner)
            {
                return text.Append(old is null ? "no claim" : old.Owner.ToString())
                    .Append(" in ").Append(PteAbiBaseline.ShippedFileName).Append(", ")
                    .Append(now is null ? "no claim" : now.Owner.ToString()).Append(" now")
                    .ToString();
            }

            return text.Append(Differences(old, now)).Append(" in ").Append(PteAbiBaseline.ShippedFileName).Append(", ")
                .Append(Differences(now, old)).Append(" now")
                .ToString();
        }

        // What of `fact` differs from `other`, in the words of the message: "role WriteThrough, when Debug".
        private static string Differences(PteAbiFact fact, PteAbiFact other)
        {
            var parts = new List<string>();
            if (!string.Equals(fact.Field, other.Field, StringComparison.Ordinal) || fact.Low != other.Low || fact.High != other.High)
            {
                parts.Add("field " + fact.Field + " [" + fact.Bits + "]");
            }

            if (fact.Role != other.Role)
            {
                parts.Add("role " + fact.Role);
            }

            if (fact.GuestRefused != other.GuestRefused)
            {
                parts.Add(fact.GuestRefused ? "guest refused" : "guest allowed");
            }

            if (!string.Equals(fact.When, other.When, StringComparison.Ordinal))
            {
                parts.Add("when " + (fact.When.Length == 0 ? "always" : fact.When));
            }

            return string.Join(", ", parts);
        }

        // The claim of each bit, per (layout, configuration). Two claims on one bit of the shipped file are a file that
        // contradicts itself: a break (the first in line order counts for the comparison), so it cannot go unnoticed.
        private static Dictionary<ConfigurationKey, PteAbiFact?[]> BitsByConfiguration(
            List<PteAbiFact> facts, List<PteAbiChange>? conflicts, Dictionary<ConfigurationKey, PteAbiFact?[]>? alternatives, LayoutNames names)
        {
            var result = new Dictionary<ConfigurationKey, PteAbiFact?[]>();
            foreach (var fact in facts)
            {
                var key = new ConfigurationKey(fact.Layout, fact.Configuration);
                if (!result.TryGetValue(key, out var bits))
                {
                    bits = new PteAbiFact?[BitCount];
                    result.Add(key, bits);
                }

                var runLow = -1;
                PteAbiFact? runHolder = null;
                for (var bit = fact.Low; bit <= fact.High + 1; bit++)
                {
                    var holder = bit <= fact.High ? bits[bit] : null;
                    var conflicting = holder is not null && !holder.Equals(fact) ? holder : null;
                    if (runHolder is not null && !Equals(conflicting, runHolder))
                    {
                        conflicts?.Add(Conflict(key, runLow, bit - 1, runHolder, fact, names));
                        runHolder = null;
                    }

                    if (conflicting is not null && alternatives is not null)
                    {
                        if (!alternatives.TryGetValue(key, out var second))
                        {
                            alternatives.Add(key, second = new PteAbiFact?[BitCount]);
                        }

                        second[bit] ??= fact;
                    }

                    if (conflicting is not null && runHolder is null)
                    {
                        runLow = bit;
                        runHolder = conflicting;
                    }

                    if (bit <= fact.High)
                    {
                        bits[bit] ??= fact;
                    }
                }
            }

            return result;
        }

        private static PteAbiChange Conflict(ConfigurationKey key, int low, int high, PteAbiFact first, PteAbiFact second, LayoutNames names) =>
            new(
                PteAbiChangeKind.Break, key.Layout, key.Configuration, low, high, first, null, false,
                (low == high ? "bit " + low : "bits " + low + "-" + high) + " of '" + names.Of(key.Layout) + "' under " + key.Configuration
                + ": " + PteAbiBaseline.ShippedFileName + " gives it two claims, " + first.Field + " (" + first.Owner + ") and "
                + second.Field + " (" + second.Owner + "); keep the one that shipped");

        private static List<PteAbiFact> Sorted(IEnumerable<PteAbiFact> facts)
        {
            var list = new List<PteAbiFact>();
            foreach (var fact in facts)
            {
                list.Add(fact ?? throw new ArgumentException("A fact is null.", nameof(facts)));
            }

            list.Sort();
            return list;
        }

        private static int CompareChanges(PteAbiChange left, PteAbiChange right)
        {
            var order = string.CompareOrdinal(left.Layout, right.Layout);
            if (order == 0)
            {
                order = string.CompareOrdinal(left.Configuration, right.Configuration);
            }

            if (order == 0)
            {
                order = left.Kind.CompareTo(right.Kind);
            }

            if (order == 0)
            {
                order = left.Low.CompareTo(right.Low);
            }

            return order != 0 ? order : string.CompareOrdinal(left.Message, right.Message);
        }

        /// <summary>
        /// How messages name a layout: by its simple name (<c>'L1e'</c>), or by its full name when two layouts of the
        /// compared facts share that simple name.
        /// </summary>
        private sealed class LayoutNames
        {
            private readonly Dictionary<string, string?> _fullNameBySimpleName = new(StringComparer.Ordinal);

            public LayoutNames(params List<PteAbiFact>[] factLists)
            {
                foreach (var facts in factLists)
                {
                    foreach (var fact in facts)
                    {
                        var simple = SimpleName(fact.Layout);
                        if (!_fullNameBySimpleName.TryGetValue(simple, out var known))
                        {
                            _fullNameBySimpleName.Add(simple, fact.Layout);
                        }
                        else if (known is not null && !string.Equals(known, fact.Layout, StringComparison.Ordinal))
                        {
                            _fullNameBySimpleName[simple] = null;
                        }
                    }
                }
            }

            public string Of(string layout)
            {
                var simple = SimpleName(layout);
                return _fullNameBySimpleName.TryGetValue(simple, out var only) && only is null ? layout : simple;
            }

            private static string SimpleName(string layout)
            {
                var dot = layout.LastIndexOf('.');
                return dot < 0 ? layout : layout.Substring(dot + 1);
            }
        }

        private readonly struct ConfigurationKey : IEquatable<ConfigurationKey>
        {
            public ConfigurationKey(string layout, string configuration)
            {
                Layout = layout;
                Configuration = configuration;
            }

            public string Layout { get; }

            public string Configuration { get; }

            public bool Equals(ConfigurationKey other) =>
                string.Equals(Layout, other.Layout, StringComparison.Ordinal)
                && string.Equals(Configuration, other.Configuration, StringComparison.Ordinal);

            public override bool Equals(object? obj) => obj is ConfigurationKey other && Equals(other);

            public override int GetHashCode() =>
                unchecked((StringComparer.Ordinal.GetHashCode(Layout) * 397) ^ StringComparer.Ordinal.GetHashCode(Configuration));
        }
    }
}
