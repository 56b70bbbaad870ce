using System.Collections.Generic;

namespace PteGen.Tool.Model;

/// <summary>The layouts of one assembly (or of one ABI JSON file), in export order.</summary>
/// <param name="Name">The assembly's simple name (<c>XenPv</c>).</param>
/// <param name="Layouts">The layouts, by namespace and then type name (ordinal), so the output never depends on metadata order.</param>
internal sealed record ExportedAssembly(string Name, IReadOnlyList<ExportedLayout> Layouts);
