// Compiled into both PteGen.dll (public) and the generator (internal).
using System;

namespace PteGen
{
    /// <summary>One difference between a layout's current facts and its baseline (see <see cref="PteAbiComparison"/>).</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class PteAbiChange : IEquatable<PteAbiChange>
    {
        /// <summary>Creates a change (<see cref="PteAbiComparison.Compare"/> does).</summary>
        /// <param name="kind">What the change means.</param>
        /// <param name="layout">The layout's namespace-qualified name.</param>
        /// <param name="configuration">The configuration.</param>
        /// <param name="low">The lowest bit concerned.</param>
        /// <param name="high">The highest bit concerned (inclusive).</param>
        /// <param name="baseline">The fact in the baseline file, when there is one.</param>
        /// <param name="current">The current fact, when there is one.</param>
        /// <param name="configurationRemoved">Whether a shipped configuration is no longer valid (or the layout is gone).</param>
        /// <param name="message">The change in words.</param>
        public PteAbiChange(
            PteAbiChangeKind kind,
            string layout,
            string configuration,
            int low,
            int high,
            PteAbiFact? baseline,
            PteAbiFact? current,
            bool configurationRemoved,
            string message)
        {
            Kind = kind;
            Layout = layout ?? throw new ArgumentNullException(nameof(layout));
            Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
            Low = low;
            High = high;
            Baseline = baseline;
            Current = current;
            ConfigurationRemoved = configurationRemoved;
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>What the change means.</summary>
        public PteAbiChangeKind Kind { get; }

        /// <summary>Whether the change is an ABI break.</summary>
        public bool IsBreak => Kind == PteAbiChangeKind.Break;

        /// <summary>The layout's namespace-qualified name.</summary>
        public string Layout { get; }

        /// <summary>The configuration.</summary>
        public string Configuration { get; }

        /// <summary>The lowest bit concerned (0 for a removed configuration).</summary>
        public int Low { get; }

        /// <summary>The highest bit concerned, inclusive (63 for a removed configuration).</summary>
        public int High { get; }

        /// <summary>
        /// The fact in the baseline: the shipped claim of a break's bits (<see langword="null"/> when the shipped file has
        /// none for them, or the configuration is removed), the stale line's fact; <see langword="null"/> for an addition.
        /// </summary>
        public PteAbiFact? Baseline { get; }

        /// <summary>
        /// The current fact: the claim that now holds a break's bits (<see langword="null"/> when none does, or the
        /// configuration is removed), the added fact; <see langword="null"/> for a stale line.
        /// </summary>
        public PteAbiFact? Current { get; }

        /// <summary>Whether a shipped configuration is no longer valid (or the layout is gone).</summary>
        public bool ConfigurationRemoved { get; }

        /// <summary>
        /// The change in words, e.g. <c>bit 62 of 'L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now</c>.
        /// </summary>
        public string Message { get; }

        /// <inheritdoc/>
        public bool Equals(PteAbiChange? other) =>
            other is not null
            && Kind == other.Kind
            && Low == other.Low
            && High == other.High
            && ConfigurationRemoved == other.ConfigurationRemoved
            && string.Equals(Layout, other.Layout, StringComparison.Ordinal)
            && string.Equals(Configuration, other.Configuration, StringComparison.Ordinal)
            && Equals(Baseline, other.Baseline)
            && Equals(Current, other.Current)
            && string.Equals(Message, other.Message, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as PteAbiChange);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Message) ^ (int)Kind;

        /// <inheritdoc/>
        public override string ToString() => Message;
    }
}
