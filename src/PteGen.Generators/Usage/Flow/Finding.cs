namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// A writer whose bits reach entries of one layout: the Xen-reserved bits among them, and which of those were not
/// known 1 (or not known 0) at some entry, which decides the verb.
/// </summary>
internal sealed class Finding
{
    public Finding(Writer writer, GuestLayout layout)
    {
        Writer = writer;
        Layout = layout;
    }

    public Writer Writer { get; }

    public GuestLayout Layout { get; }

    public ulong Bits { get; private set; }

    public ulong NotOne { get; private set; }

    public ulong NotZero { get; private set; }

    public void Add(ulong bits, BitValue value)
    {
        Bits |= bits;
        NotOne |= bits & ~value.One;
        NotZero |= bits & ~value.Zero;
    }

    /// <summary>"sets" when every bit was 1 at every entry, "clears" when every one was 0, otherwise the writer's own verb.</summary>
    public string Verb => NotOne == 0 ? "sets" : NotZero == 0 ? "clears" : Writer.Verb;
}
