namespace PteGen.Tool.Commands;

/// <summary>What <c>ptegen export</c> writes.</summary>
internal enum ExportFormat
{
    /// <summary>A C11 header.</summary>
    C,

    /// <summary>A Markdown reference page with its pictures.</summary>
    Md,

    /// <summary>SVG bit-field pictures.</summary>
    Svg,

    /// <summary>The machine-readable ABI.</summary>
    Json,

    /// <summary>The text of a <c>PteAbi.Shipped.txt</c>.</summary>
    Baseline,
}
