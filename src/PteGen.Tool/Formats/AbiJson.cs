namespace PteGen.Tool.Formats;

/// <summary>The names of the ABI JSON format (<c>docs/abi-json.md</c>), shared by its writer and its reader.</summary>
internal static class AbiJson
{
    /// <summary>The value of <c>format</c>, which identifies the file.</summary>
    public const string FormatName = "ptegen-abi";

    /// <summary>The value of <c>version</c>: a reader refuses a file of a later version.</summary>
    public const int Version = 1;

    /// <summary>Where the schema is described.</summary>
    public const string SchemaLink = "https://github.com/ptegen/ptegen/blob/main/docs/abi-json.md";

    public const string Allowed = "allowed";
    public const string Refused = "refused";
}
