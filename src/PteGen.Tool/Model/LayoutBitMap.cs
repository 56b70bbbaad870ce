using System.Collections.Generic;
using System.Linq;

namespace PteGen.Tool.Model;

/// <summary>
/// Which field owns each bit in each valid configuration of a layout, built once in one pass over the fields' active
/// configurations (the descriptor's per-bit look-up would scan every field and configuration for each bit).
/// </summary>
internal sealed class LayoutBitMap
{
    private readonly int[][] _fieldAt;

    public LayoutBitMap(PteLayoutDescriptor descriptor)
    {
        Descriptor = descriptor;
        Configurations = descriptor.ValidConfigurations.ToArray();
        ConfigurationNames = Configurations.Select(descriptor.FormatConfiguration).ToArray();
        var index = new Dictionary<ulong, int>();
        for (var position = 0; position < Configurations.Count; position++)
        {
            index[Configurations[position]] = position;
        }

        _fieldAt = new int[Configurations.Count][];
        for (var position = 0; position < Configurations.Count; position++)
        {
            _fieldAt[position] = Enumerable.Repeat(-1, 64).ToArray();
        }

        for (var field = 0; field < descriptor.Fields.Count; field++)
        {
            var claim = descriptor.Fields[field];
            foreach (var configuration in claim.ActiveConfigurations)
            {
                if (!index.TryGetValue(configuration, out var position))
                {
                    continue;
                }

                for (var bit = claim.Low; bit <= claim.High; bit++)
                {
                    // The first declared claim wins, as in PteLayoutDescriptor.FieldAt (a valid layout has one per bit).
                    if (_fieldAt[position][bit] < 0)
                    {
                        _fieldAt[position][bit] = field;
                    }
                }
            }
        }

        ulong dependent = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            var owners = Enumerable.Range(0, Configurations.Count).Select(position => OwnerAt(position, bit)).Distinct().Count();
            if (owners > 1)
            {
                dependent |= 1UL << bit;
            }
        }

        ConfigurationDependentBits = dependent;
    }

    public PteLayoutDescriptor Descriptor { get; }

    /// <summary>The valid configurations, ascending.</summary>
    public IReadOnlyList<ulong> Configurations { get; }

    /// <summary>The configurations' names (<c>None</c>, <c>Debug</c>, <c>Debug|Pke</c>).</summary>
    public IReadOnlyList<string> ConfigurationNames { get; }

    /// <summary>The bits whose owner differs between valid configurations.</summary>
    public ulong ConfigurationDependentBits { get; }

    /// <summary>The field that owns <paramref name="bit"/> in the configuration at <paramref name="position"/>, or <see langword="null"/>.</summary>
    public PteFieldDescriptor? FieldAt(int position, int bit) =>
        _fieldAt[position][bit] is var field and >= 0 ? Descriptor.Fields[field] : null;

    /// <summary>The owner of <paramref name="bit"/> in the configuration at <paramref name="position"/>, or <see langword="null"/>.</summary>
    public PteOwner? OwnerAt(int position, int bit) => FieldAt(position, bit)?.Owner;

    /// <summary>
    /// The runs of one configuration: contiguous bits owned by one field (a field split by another claim gives two runs),
    /// lowest first; a bit no claim owns (only in an invalid layout) is a run of its own with no field.
    /// </summary>
    public IReadOnlyList<BitRun> RunsOf(int position)
    {
        var runs = new List<BitRun>();
        var low = 0;
        for (var bit = 1; bit <= 64; bit++)
        {
            if (bit == 64 || _fieldAt[position][bit] != _fieldAt[position][low] || _fieldAt[position][low] < 0)
            {
                runs.Add(new BitRun(low, bit - 1, FieldAt(position, low)));
                low = bit;
            }
        }

        return runs;
    }

    /// <summary>
    /// The runs across every configuration: contiguous bits whose owning field is the same in each configuration
    /// (each run's fields, one per configuration), lowest first.
    /// </summary>
    public IReadOnlyList<(int Low, int High)> CommonRuns()
    {
        var runs = new List<(int, int)>();
        var low = 0;
        for (var bit = 1; bit <= 64; bit++)
        {
            if (bit == 64 || !SameFields(low, bit))
            {
                runs.Add((low, bit - 1));
                low = bit;
            }
        }

        return runs;
    }

    private bool SameFields(int left, int right)
    {
        for (var position = 0; position < Configurations.Count; position++)
        {
            if (_fieldAt[position][left] != _fieldAt[position][right] || _fieldAt[position][left] < 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Contiguous bits of one configuration owned by one field.</summary>
internal sealed record BitRun(int Low, int High, PteFieldDescriptor? Field)
{
    public int Width => High - Low + 1;
}
