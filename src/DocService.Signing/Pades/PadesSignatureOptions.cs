using DocService.Pdf.Objects;

namespace DocService.Signing.Pades;

/// <summary>Where and how a signature goes into a PDF.</summary>
public sealed record PadesSignatureOptions
{
    /// <summary>The signature field to fill: an existing empty one, or a new one of that name.</summary>
    public required string FieldName { get; init; }

    /// <summary>Where a new field's widget goes; null for an invisible new field. Ignored for existing fields.</summary>
    public FieldPlacement? Placement { get; init; }

    /// <summary>A one-page PDF whose page is drawn as the signature's appearance (scaled into the widget).</summary>
    public Stream? Appearance { get; init; }

    /// <summary>Makes this the certification signature with these permissions (only as the first signature).</summary>
    public DocMdpPermission? Certify { get; init; }

    public string? Reason { get; init; }
    public string? Location { get; init; }
    public string? ContactInfo { get; init; }
    public string? SignerName { get; init; }
    public DateTimeOffset SigningTime { get; init; } = DateTimeOffset.UtcNow;
    public PadesSubFilter SubFilter { get; init; } = PadesSubFilter.EtsiCadesDetached;
    public DigestAlgorithm DigestAlgorithm { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>
    /// The PAdES level to reach: B-T adds a signature timestamp, B-LT the validation data (DSS),
    /// B-LTA a document timestamp over it all. Above B-B the signer needs a timestamping authority.
    /// </summary>
    public PadesLevel Level { get; init; } = PadesLevel.BB;

    /// <summary>
    /// Text fields filled in the same revision as the signature (the clerk's number and date), so
    /// the signature covers them and a certification's P=2 permits them.
    /// </summary>
    public IReadOnlyList<FieldFill> Fills { get; init; } = [];

    /// <summary>
    /// Bytes reserved for the CMS in /Contents. Generous by default: a timestamp token and later
    /// unsigned attributes must fit without moving a byte. Timestamped levels reserve at least
    /// <see cref="TimestampedContentsBytes"/>.
    /// </summary>
    public int ReservedContentsBytes { get; init; } = 16 * 1024;

    /// <summary>What a timestamped signature reserves at least: the token brings the TSA's chain along.</summary>
    public const int TimestampedContentsBytes = 32 * 1024;
}

/// <summary>A page (0-based) and a rectangle in default user space.</summary>
public sealed record FieldPlacement(int PageIndex, PdfRectangle Rect);

/// <summary>A text field's new value and its appearance: a one-page PDF drawn into the field's widget.</summary>
public sealed record FieldFill(string FieldName, string Value, Stream Appearance);
