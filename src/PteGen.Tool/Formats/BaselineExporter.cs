using System.Collections.Generic;
using System.Linq;
using PteGen.Tool.Model;

namespace PteGen.Tool.Formats;

/// <summary>
/// <c>--format baseline</c>: the text of a <c>PteAbi.Shipped.txt</c> for the layouts, exactly as
/// <see cref="PteAbiBaseline.Write"/> writes it (the same text the analyzer's code fix writes).
/// </summary>
internal static class BaselineExporter
{
    public static IEnumerable<PteAbiFact> Facts(ExportedAssembly assembly) =>
        assembly.Layouts.SelectMany(layout => PteAbiBaseline.Facts(layout.Descriptor, layout.FullName));

    public static string Write(ExportedAssembly assembly) => PteAbiBaseline.Write(Facts(assembly));
}
