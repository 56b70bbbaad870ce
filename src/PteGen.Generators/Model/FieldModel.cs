namespace PteGen.Generators.Model;

/// <summary>How a field's value is represented by its property type.</summary>
internal enum FieldKind
{
    /// <summary>A one-bit <c>bool</c>.</summary>
    Bool,

    /// <summary>An unsigned integer (<c>byte</c>, <c>ushort</c>, <c>uint</c>, <c>ulong</c>).</summary>
    Unsigned,

    /// <summary>An enum; <see cref="FieldModel.StorageType"/> is its underlying type.</summary>
    Enum,

    /// <summary>A type that cannot hold a bit field (reported; only a stub is generated).</summary>
    Unsupported,
}

/// <summary>Which accessors a claim's property declares (anything but get is an error; placeholders repeat them).</summary>
internal enum AccessorShape
{
    Get,
    GetSet,
    GetInit,
}

/// <summary>One claim: a partial property of a layout with its ownership attribute.</summary>
/// <param name="Name">The property name, as written in C# (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="TypeName">The property type, fully qualified (<c>bool</c>, <c>byte</c>, <c>global::Ns.Kind</c>).</param>
/// <param name="Kind">How the value is represented.</param>
/// <param name="StorageType">The C# keyword of the integer type that carries the value (the enum's underlying type).</param>
/// <param name="StorageBits">The width of <paramref name="StorageType"/> in bits.</param>
/// <param name="StorageIsSigned">Whether <paramref name="StorageType"/> is signed (enums only).</param>
/// <param name="Low">The lowest bit.</param>
/// <param name="High">The highest bit (inclusive).</param>
/// <param name="Owner">The owner named by the attribute.</param>
/// <param name="Role">The declared role.</param>
/// <param name="WhenText">The condition as written, trimmed; empty for always.</param>
/// <param name="When">The parsed condition; <see langword="null"/> for always or when it did not parse.</param>
/// <param name="GuestWrite">The declared guest-write rule.</param>
/// <param name="Relocatable">Whether the hypervisor picks the bit per domain.</param>
/// <param name="Optional">Whether the feature can be switched off when no bit is left.</param>
/// <param name="Accessibility">The property's accessibility keywords (<c>public</c>, <c>internal</c>, ...).</param>
/// <param name="IsReadOnlyMember">Whether the property is declared with the <c>readonly</c> modifier.</param>
/// <param name="CanStub">Whether the property is a partial definition the generator can implement.</param>
/// <param name="HasErrors">Whether parsing reported an error for this claim (validation then ignores it).</param>
/// <param name="Modifiers">Modifiers the implementing part repeats (<c>unsafe</c>, <c>new</c>), space separated.</param>
/// <param name="Accessors">The accessors as declared.</param>
/// <param name="IsStatic">Declared <c>static</c> (an error; a placeholder repeats it).</param>
/// <param name="IsObsoleteError">Marked <c>[Obsolete(..., true)]</c>: generated code must not use the property (CS0619 cannot be silenced).</param>
internal sealed record FieldModel(
    string Name,
    string TypeName,
    FieldKind Kind,
    string StorageType,
    int StorageBits,
    bool StorageIsSigned,
    int Low,
    int High,
    PteOwner Owner,
    PteRole Role,
    string WhenText,
    Condition? When,
    GuestWrite GuestWrite,
    bool Relocatable,
    bool Optional,
    string Accessibility,
    bool IsReadOnlyMember,
    bool CanStub,
    bool HasErrors,
    string Modifiers = "",
    AccessorShape Accessors = AccessorShape.Get,
    bool IsStatic = false,
    bool IsObsoleteError = false)
{
    public int Width => High - Low + 1;

    public ulong Mask => Width >= 64 ? ulong.MaxValue : ((1UL << Width) - 1) << Low;

    /// <summary>The largest value the field holds, shifted down to bit 0.</summary>
    public ulong MaxValue => Width >= 64 ? ulong.MaxValue : (1UL << Width) - 1;

    public bool IsAlways => When is null;

    public bool IsGuestRefused => GuestWrite == GuestWrite.Refused
        || (GuestWrite == GuestWrite.Default && Owner == PteOwner.XenReserved);

    public bool HoldsIn(ulong configuration) => When?.Holds(configuration) ?? true;
}
