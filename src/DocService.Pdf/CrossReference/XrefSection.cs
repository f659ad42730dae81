using DocService.Pdf.Objects;

namespace DocService.Pdf.CrossReference;

/// <summary>How a cross-reference section is written.</summary>
public enum XrefKind
{
    /// <summary>Classic <c>xref</c> table and <c>trailer</c> (§7.5.4).</summary>
    Table,
    /// <summary>Cross-reference stream, /Type /XRef (§7.5.8).</summary>
    Stream,
    /// <summary>Classic table whose trailer adds an xref stream through /XRefStm (§7.5.8.4).</summary>
    Hybrid,
    /// <summary>No usable section: rebuilt by scanning the file for objects.</summary>
    Recovered,
}

/// <summary>One section of the chain: where it starts, its entries, its trailer, and where it ends.</summary>
public sealed record XrefSection(
    long Offset,
    XrefKind Kind,
    IReadOnlyDictionary<int, XrefEntry> Entries,
    PdfDictionary Trailer,
    long EndOffset)
{
    /// <summary>/Prev when it is a usable offset.</summary>
    public long? Previous => Trailer.GetInteger(PdfName.Prev) is >= 0 and var prev ? prev : null;
}
