using PteGen.Tests.Layouts;
using XenPv;

namespace PteGen.Tests;

/// <summary>The generated entries, compiled for real (Layouts/) and exercised like user code would.</summary>
public class GeneratedEntryTests
{
    [Fact]
    public void OneBitFieldsRoundTripAtBothEnds()
    {
        var entry = new MixedEntry(0);
        Assert.False(entry.Low);
        Assert.True(entry.WithLow(true).Low);
        Assert.Equal(1UL, entry.WithLow(true).Raw);
        Assert.Equal(0x8000000000000000UL, entry.WithHigh(true).Raw);
        Assert.True(new MixedEntry(ulong.MaxValue).High);
        Assert.Equal(ulong.MaxValue - 1, new MixedEntry(ulong.MaxValue).WithLow(false).Raw);
        Assert.Equal(0x7FFFFFFFFFFFFFFFUL, new MixedEntry(ulong.MaxValue).WithHigh(false).Raw);
    }

    [Fact]
    public void MasksShiftsAndWidthsDescribeTheDeclaration()
    {
        Assert.Equal(0x0000000000000001UL, MixedEntry.LowMask);
        Assert.Equal(0x000000000000000EUL, MixedEntry.CacheMask);
        Assert.Equal(1, MixedEntry.CacheShift);
        Assert.Equal(3, MixedEntry.CacheWidth);
        Assert.Equal(0x00000FFFFFFFFFF0UL, MixedEntry.AddressMask);
        Assert.Equal(40, MixedEntry.AddressWidth);
        Assert.Equal(0x8000000000000000UL, MixedEntry.HighMask);
        Assert.Equal(63, MixedEntry.HighShift);
        Assert.Equal(ulong.MaxValue, WholeEntry.ValueMask);
        Assert.Equal(64, WholeEntry.ValueWidth);
    }

    [Fact]
    public void FortyBitFieldRoundTripsAndLeavesOtherBitsAlone()
    {
        var entry = new MixedEntry(ulong.MaxValue).WithAddress(0x12_3456_789AUL);
        Assert.Equal(0x12_3456_789AUL, entry.Address);
        Assert.Equal(ulong.MaxValue & ~MixedEntry.AddressMask, entry.Raw & ~MixedEntry.AddressMask);
        Assert.Equal(0xFF_FFFF_FFFFUL, new MixedEntry(ulong.MaxValue).Address);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => entry.WithAddress(1UL << 40));
        Assert.Contains("Address is 40 bits wide", ex.Message);
    }

    [Fact]
    public void FullWidthFieldHoldsEveryValue()
    {
        foreach (var value in new[] { 0UL, 1UL, 0x8000000000000000UL, ulong.MaxValue, 0x0123456789ABCDEFUL })
        {
            Assert.Equal(value, new WholeEntry(0).WithValue(value).Value);
            Assert.Equal(value, new WholeEntry(~value).WithValue(value).Raw);
        }
    }

    [Fact]
    public void NarrowUnsignedFieldsAreRangeChecked()
    {
        var entry = new MixedEntry(0).WithByte(0xFF).WithReserved(0xFF);
        Assert.Equal(0xFF, entry.Byte);
        Assert.Equal((ushort)0xFF, entry.Reserved);
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.WithReserved(0x100));
        var pv = new L1e(0).WithAvailable(7);
        Assert.Equal(7, pv.Available);
        Assert.Equal(0xE00UL, pv.Raw);
        Assert.Throws<ArgumentOutOfRangeException>(() => pv.WithAvailable(8));
    }

    [Fact]
    public void EnumFieldsRoundTripAndRejectValuesThatDoNotFit()
    {
        var entry = new MixedEntry(0).WithCache(CacheKind.WriteCombining);
        Assert.Equal(CacheKind.WriteCombining, entry.Cache);
        Assert.Equal(5UL << 1, entry.Raw);
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.WithCache((CacheKind)8));

        var signed = entry.WithKind(SignedKind.Seven);
        Assert.Equal(SignedKind.Seven, signed.Kind);
        Assert.Equal(CacheKind.WriteCombining, signed.Cache);
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.WithKind(SignedKind.Negative));
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.WithKind((SignedKind)8));
    }

    [Fact]
    public void NestedLayoutsWork()
    {
        var entry = new Container.NestedEntry(0).WithLow(0xDEADBEEF).WithHigh(0xCAFEBABE);
        Assert.Equal(0xCAFEBABE_DEADBEEFUL, entry.Raw);
        Assert.Equal(0xDEADBEEFU, entry.Low);
        Assert.Equal(0xCAFEBABEU, entry.High);
    }

    [Fact]
    public void EqualityFollowsTheRawValue()
    {
        var a = new L1e(0x8000000012345067UL);
        var b = new L1e(0).WithPresent(true).WithWritable(true).WithUser(true).WithAccessed(true).WithDirty(true)
            .WithFrame(0x12345).WithNoExecute(true);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)a.Raw));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.WithDirty(false));
        Assert.True(a != b.WithDirty(false));
    }

    [Fact]
    public void ToStringShowsTheRawValueAndTheFieldsThatAreSet()
    {
        var entry = new L1e(0x8000000012345067UL);
        Assert.Equal("L1e 0x8000000012345067 { Present, Writable, User, Accessed, Dirty, Frame = 0x12345, NoExecute }", entry.ToString());
        Assert.Equal("L1e 0x0000000000000000 { }", default(L1e).ToString());
        Assert.Equal("MixedEntry 0x000000000000000a { Cache = WriteCombining }", new MixedEntry(0).WithCache(CacheKind.WriteCombining).ToString());
    }

    [Fact]
    public void ToStringOfAConfigurationShowsOnlyItsFields()
    {
        var bit62 = new L1e(1UL << 62);
        Assert.Equal("L1e 0x4000000000000000 { ProtectionKey = 0x8, Software62, GrantMapping }", bit62.ToString());
        Assert.Equal("L1e 0x4000000000000000 { Software62 }", bit62.ToString(XenConfig.None));
        Assert.Equal("L1e 0x4000000000000000 { GrantMapping }", bit62.ToString(XenConfig.Debug));
        Assert.Equal("L1e 0x4000000000000000 { ProtectionKey = 0x8 }", bit62.ToString(XenConfig.Pke));
        Assert.Throws<ArgumentOutOfRangeException>(() => bit62.ToString(XenConfig.Debug | XenConfig.Pke));
    }

    [Fact]
    public void OwnershipMasksFollowBit62AcrossConfigurations()
    {
        const ulong bit62 = 1UL << 62;
        const ulong keyBits = 0xFUL << 59;
        Assert.Equal(1UL << 52, L1e.XenReservedBits(XenConfig.None));
        Assert.Equal((1UL << 52) | bit62, L1e.XenReservedBits(XenConfig.Debug));
        Assert.Equal(1UL << 52, L1e.XenReservedBits(XenConfig.Pke));

        Assert.NotEqual(0UL, L1e.GuestAvailableBits(XenConfig.None) & bit62);
        Assert.Equal(0UL, L1e.GuestAvailableBits(XenConfig.Debug) & bit62);
        Assert.Equal(0UL, L1e.GuestAvailableBits(XenConfig.Pke) & keyBits);
        Assert.Equal(keyBits, L1e.HardwareBits(XenConfig.Pke) & keyBits);
        Assert.Equal(0UL, L1e.HardwareBits(XenConfig.Debug) & keyBits);

        foreach (var config in new[] { XenConfig.None, XenConfig.Debug, XenConfig.Pke })
        {
            var hardware = L1e.HardwareBits(config);
            var xen = L1e.XenReservedBits(config);
            var guest = L1e.GuestAvailableBits(config);
            Assert.Equal(ulong.MaxValue, hardware | xen | guest);
            Assert.Equal(0UL, hardware & xen);
            Assert.Equal(0UL, hardware & guest);
            Assert.Equal(0UL, xen & guest);
            Assert.Equal(L1e.FixedHardwareBits, L1e.FixedHardwareBits & hardware);
        }

        Assert.Equal(keyBits, L1e.ConfigurationDependentBits);
        Assert.Equal(0x800FFFFFFFFFF1FFUL, L1e.FixedHardwareBits);
        Assert.Equal(1UL << 52, L1e.FixedXenReservedBits);
        Assert.Equal(0x07E0000000000E00UL, L1e.FixedGuestAvailableBits);
    }

    [Fact]
    public void InvalidConfigurationsAreRejected()
    {
        Assert.True(L1e.IsValid(XenConfig.None));
        Assert.True(L1e.IsValid(XenConfig.Debug));
        Assert.True(L1e.IsValid(XenConfig.Pke));
        Assert.False(L1e.IsValid(XenConfig.Debug | XenConfig.Pke));
        Assert.False(L1e.IsValid((XenConfig)4));
        Assert.Throws<ArgumentOutOfRangeException>(() => L1e.XenReservedBits(XenConfig.Debug | XenConfig.Pke));
        Assert.Throws<ArgumentOutOfRangeException>(() => L1e.HardwareBits((XenConfig)8));
    }

    [Fact]
    public void GuestWriteValidationMirrorsXensDisallowMasks()
    {
        // Xen's L1_DISALLOW_MASK: PWT, PCD and PAT always (domain without I/O resources), bit 62 in debug builds only.
        Assert.Equal(0x98UL, L1e.GuestRefusedBits(XenConfig.None));
        Assert.Equal(0x98UL | (1UL << 62), L1e.GuestRefusedBits(XenConfig.Debug));
        Assert.Equal(0x98UL, L1e.FixedGuestRefusedBits);

        var grant = new L1e(0).WithPresent(true).WithGrantMapping(true);
        Assert.Equal(1UL << 62, grant.GuestWriteViolations(XenConfig.Debug));
        Assert.Equal(0UL, grant.GuestWriteViolations(XenConfig.None));
        Assert.Equal(0UL, grant.WithPresent(false).GuestWriteViolations(XenConfig.Debug)); // Only present entries are checked.
        Assert.Equal(0UL, new L1e(0).WithPresent(true).WithGuestKernel(true).GuestWriteViolations(XenConfig.Debug));
        Assert.Equal(0x8UL, new L1e(0).WithPresent(true).WithWriteThrough(true).GuestWriteViolations(XenConfig.None));
        Assert.Equal(0UL, new MixedEntry(0).WithLow(true).GuestWriteViolations());
        Assert.Equal(MixedEntry.ReservedMask, new MixedEntry(0).WithReserved(3).GuestWriteViolations() | MixedEntry.ReservedMask);
    }

    [Fact]
    public void TheDescriptorDescribesFieldsOwnersAndConfigurations()
    {
        var descriptor = L1e.Descriptor;
        Assert.Same(descriptor, L1e.Descriptor);
        Assert.Equal("L1e", descriptor.Name);
        Assert.Equal(1, descriptor.Level);
        Assert.Equal(new[] { "Debug", "Pke" }, descriptor.Switches.Select(s => s.Name));
        Assert.Equal(new ulong[] { 0, 1, 2 }, descriptor.ValidConfigurations);
        Assert.Equal(18, descriptor.Fields.Count);

        Assert.Equal("Software62", descriptor.FieldAt(62, 0)!.Name);
        Assert.Equal("GrantMapping", descriptor.FieldAt(62, 1)!.Name);
        Assert.Equal(PteOwner.XenReserved, descriptor.FieldAt(62, 1)!.Owner);
        Assert.Equal("ProtectionKey", descriptor.FieldAt(62, 2)!.Name);
        Assert.Equal("Frame", descriptor.FieldAt(30, 0)!.Name);
        Assert.Null(descriptor.FieldAt(62, 3)); // Debug|Pke is not a valid configuration.

        var grant = descriptor.Fields.Single(f => f.Name == "GrantMapping");
        Assert.Equal("Debug", grant.When);
        Assert.Equal(PteRole.GrantMapping, grant.Role);
        Assert.True(grant.GuestRefused);
        Assert.Equal(new ulong[] { 1 }, grant.ActiveConfigurations);

        foreach (var configuration in descriptor.ValidConfigurations)
        {
            var config = (XenConfig)configuration;
            Assert.Equal(L1e.HardwareBits(config), descriptor.BitsOwnedBy(PteOwner.Hardware, configuration));
            Assert.Equal(L1e.XenReservedBits(config), descriptor.BitsOwnedBy(PteOwner.XenReserved, configuration));
            Assert.Equal(L1e.GuestAvailableBits(config), descriptor.BitsOwnedBy(PteOwner.GuestAvailable, configuration));
            Assert.Equal(L1e.GuestRefusedBits(config), descriptor.GuestRefusedBits(configuration));
        }

        Assert.Equal("Debug", descriptor.FormatConfiguration(1));
        Assert.Equal("None", descriptor.FormatConfiguration(0));
        Assert.True(descriptor.TryParseConfiguration("debug", out var parsed, out _));
        Assert.Equal(1UL, parsed);
        Assert.False(descriptor.TryParseConfiguration("Debug,Nx", out _, out var unknown));
        Assert.Equal("Nx", unknown);
    }

    [Fact]
    public void SwitchlessLayoutsHaveAnEmptyConfigurationSpace()
    {
        var descriptor = MixedEntry.Descriptor;
        Assert.Empty(descriptor.Switches);
        Assert.Equal(new ulong[] { 0 }, descriptor.ValidConfigurations);
        Assert.Equal(0UL, MixedEntry.ConfigurationDependentBits);
        Assert.Equal(MixedEntry.ReservedMask, MixedEntry.FixedXenReservedBits);
        Assert.Equal(MixedEntry.ReservedMask, MixedEntry.FixedGuestRefusedBits);
    }
}
