namespace PteGen
{
    /// <summary>One configuration switch of a layout: a single-bit member of its switches enum.</summary>
    public sealed class PteSwitchDescriptor
    {
        /// <summary>Creates a switch descriptor.</summary>
        /// <param name="name">The enum member name.</param>
        /// <param name="value">The enum member value (a single bit).</param>
        public PteSwitchDescriptor(string name, ulong value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The enum member name, as conditions and <c>PteGenConfiguration</c> spell it.</summary>
        public string Name { get; }

        /// <summary>The enum member value (a single bit).</summary>
        public ulong Value { get; }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
