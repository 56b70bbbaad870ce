namespace PteGen.Generators.Model;

/// <summary>Ownership masks of a layout, computed from its claims (valid layouts only: one owner per bit).</summary>
internal static class Ownership
{
    public static ulong BitsOwnedBy(LayoutModel layout, PteOwner owner, ulong configuration)
    {
        ulong bits = 0;
        foreach (var field in layout.Fields)
        {
            if (field.Owner == owner && field.HoldsIn(configuration))
            {
                bits |= field.Mask;
            }
        }

        return bits;
    }

    public static ulong GuestRefusedBits(LayoutModel layout, ulong configuration)
    {
        ulong bits = 0;
        foreach (var field in layout.Fields)
        {
            if (field.IsGuestRefused && field.HoldsIn(configuration))
            {
                bits |= field.Mask;
            }
        }

        return bits;
    }

    /// <summary>The bits <paramref name="owner"/> owns in every valid configuration.</summary>
    public static ulong FixedBits(LayoutModel layout, PteOwner owner)
    {
        var bits = ulong.MaxValue;
        foreach (var configuration in layout.Switches.ValidConfigurations())
        {
            bits &= BitsOwnedBy(layout, owner, configuration);
        }

        return bits;
    }

    /// <summary>The bits a guest may not set in any valid configuration.</summary>
    public static ulong FixedGuestRefusedBits(LayoutModel layout)
    {
        var bits = ulong.MaxValue;
        foreach (var configuration in layout.Switches.ValidConfigurations())
        {
            bits &= GuestRefusedBits(layout, configuration);
        }

        return bits;
    }

    /// <summary>The field holding <paramref name="role"/> in every configuration, or <see langword="null"/>.</summary>
    public static FieldModel? FixedRole(LayoutModel layout, PteRole role)
    {
        foreach (var field in layout.Fields)
        {
            if (field.Role == role && field.IsAlways)
            {
                return field;
            }
        }

        return null;
    }
}
