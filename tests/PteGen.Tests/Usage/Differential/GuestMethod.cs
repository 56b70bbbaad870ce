namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// A static method of a generated program: its kind fixes the signature; <see cref="LocalInitializers"/> declare the
/// locals <c>v0, v1, ...</c> in order at the top (an initializer reads no local); the body's last statement returns.
/// Builders also declare <c>L1e last = default;</c>. A helper whose body is a single return is written expression-bodied.
/// </summary>
internal sealed class GuestMethod(string name, GuestMethodKind kind, IReadOnlyList<GuestExpr> localInitializers, IReadOnlyList<GuestStatement> body)
{
    /// <summary>The opaque conditions a builder may branch on.</summary>
    public static readonly IReadOnlyList<string> Conditions = ["c0", "c1", "c2"];

    public string Name { get; } = name;

    public GuestMethodKind Kind { get; } = kind;

    public IReadOnlyList<GuestExpr> LocalInitializers { get; } = localInitializers;

    public IReadOnlyList<GuestStatement> Body { get; } = body;

    public bool IsBuilder => Kind is GuestMethodKind.EntryBuilder or GuestMethodKind.ValueBuilder;

    /// <summary>The <c>ulong</c> parameters, in order (their index is the one of the method's summary).</summary>
    public IReadOnlyList<string> UlongParameters => Kind switch
    {
        GuestMethodKind.EntryHelper => ["pfn", "prot"],
        GuestMethodKind.ValueHelper => ["v"],
        _ => ["raw", "pfn"],
    };

    public string Signature => Kind switch
    {
        GuestMethodKind.EntryHelper => $"static L1e {Name}(ulong pfn, ulong prot)",
        GuestMethodKind.ValueHelper => $"static ulong {Name}(ulong v)",
        GuestMethodKind.EntryBuilder => $"public static L1e {Name}(bool c0, bool c1, bool c2, ulong raw, ulong pfn, L1e e)",
        _ => $"public static ulong {Name}(bool c0, bool c1, bool c2, ulong raw, ulong pfn, L1e e)",
    };

    public bool IsExpressionBodied => !IsBuilder && LocalInitializers.Count == 0 && Body.Count == 1 && Body[0].IsReturn;

    /// <summary>The same method under another name (builders are numbered once the program's list is known).</summary>
    public GuestMethod Renamed(string newName) => new(newName, Kind, LocalInitializers, Body);
}
