namespace DocService.Pdf;

/// <summary>
/// Bounds that keep a hostile file from exhausting memory, stack or time. The defaults are
/// generous for real government documents (scans of a few hundred pages) and small for attacks.
/// </summary>
public sealed record PdfLimits
{
    public static PdfLimits Default { get; } = new();

    /// <summary>Arrays and dictionaries nested deeper than this are refused (the parser recurses).</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Largest decoded stream we hold in memory (xref streams, object streams, callers' decodes).</summary>
    public long MaxDecodedStreamBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Flate output may exceed its input by this factor once past <see cref="FlateRatioFloorBytes"/>.
    /// Deflate tops out near 1032:1 on zeros, so the bound must sit well below that to mean anything;
    /// xref and object streams compress about 5–30:1.
    /// </summary>
    public int MaxFlateExpansionRatio { get; init; } = 200;

    /// <summary>Below this size the expansion ratio is not checked: tiny streams of zeros compress absurdly well.</summary>
    public long FlateRatioFloorBytes { get; init; } = 1024 * 1024;

    /// <summary>Most objects a cross-reference section or object stream may declare.</summary>
    public int MaxObjectCount { get; init; } = 8_000_000;

    /// <summary>Longest literal or hex string; signature /Contents of a B-LTA needs well under 1 MiB.</summary>
    public int MaxStringLength { get; init; } = 32 * 1024 * 1024;

    /// <summary>Longest name token; the spec says 127 bytes, real files sometimes exceed it a little.</summary>
    public int MaxNameLength { get; init; } = 4096;

    /// <summary>Most cross-reference sections followed through /Prev.</summary>
    public int MaxXrefSections { get; init; } = 10_000;
}
