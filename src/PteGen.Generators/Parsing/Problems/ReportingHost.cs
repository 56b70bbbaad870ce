namespace PteGen.Generators.Parsing.Problems;

/// <summary>
/// Which of PteGen's hosts reports a layout's problems. Each layout has exactly one, so nothing is reported twice.
/// </summary>
/// <remarks>
/// The command-line compiler runs no analyzer once the compilation has an error, and editors such as csharp-ls show
/// analyzer diagnostics but not a generator's. So a layout the generator can complete (it adds a part under which
/// the user's declaration compiles, full API or placeholder bodies) is reported by the layout analyzer: the
/// compilation stays free of errors from it, and every host shows them. A layout that cannot be completed (the type
/// or a containing type is not partial or is file-local, or C# is below 13) leaves compiler errors in the user's own
/// code whatever PteGen does; the generator reports its problems, since the analyzer would not run.
/// </remarks>
internal enum ReportingHost
{
    Analyzer,
    Generator,
}
