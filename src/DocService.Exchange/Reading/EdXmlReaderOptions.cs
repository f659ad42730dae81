namespace DocService.Exchange.Reading;

/// <summary>Bounds that keep a hostile or broken package from exhausting the service.</summary>
public sealed record EdXmlReaderOptions
{
    public static EdXmlReaderOptions Default { get; } = new();

    /// <summary>Characters in the whole package, base64 included (≈ 4/3 of the attachments' ZIP bytes).</summary>
    public long MaxCharactersInDocument { get; init; } = 400L * 1024 * 1024;

    /// <summary>Bytes of one attachment, both as ZIP and once unzipped (a ZIP bomb stops here).</summary>
    public long MaxAttachmentBytes { get; init; } = 200L * 1024 * 1024;

    public int MaxAttachments { get; init; } = 100;

    /// <summary>
    /// Deepest element nesting anywhere in the package. A real package nests about eight levels; 100,000 levels of
    /// header took the header's tree a minute to build and parse (quadratic), so a package past this is refused.
    /// </summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>When false, attachments are skipped (the axis routes by header only).</summary>
    public bool ReadAttachments { get; init; } = true;

    /// <summary>Attachments larger than this are spooled to a temporary file instead of memory.</summary>
    public int SpoolThresholdBytes { get; init; } = 4 * 1024 * 1024;

    public string? TempDirectory { get; init; }
}
