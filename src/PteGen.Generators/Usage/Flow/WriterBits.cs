namespace PteGen.Generators.Usage.Flow;

/// <summary>The bits of a value whose state a writer forced and no later operation forced again.</summary>
internal readonly struct WriterBits
{
    public WriterBits(int writer, ulong bits)
    {
        Writer = writer;
        Bits = bits;
    }

    public int Writer { get; }

    public ulong Bits { get; }
}
