using DocService.Pdf.CrossReference;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Document;

/// <summary>
/// One revision of an incrementally updated file: the bytes [0, <see cref="EndOffset"/>) are the
/// document as it was then. A signature's /ByteRange should end at one of these.
/// </summary>
/// <param name="Number">1 for the original document, counting up.</param>
/// <param name="XrefOffset">Where its newest cross-reference section starts; -1 when recovered by scanning.</param>
/// <param name="XrefKind">How that section is written.</param>
/// <param name="EofOffset">Offset just after its <c>%%EOF</c> marker.</param>
/// <param name="EndOffset"><see cref="EofOffset"/> plus the end-of-line that follows the marker, if any.</param>
/// <param name="Trailer">Its trailer dictionary (for an xref stream, the stream's dictionary).</param>
public sealed record PdfRevision(int Number, long XrefOffset, XrefKind XrefKind, long EofOffset, long EndOffset, PdfDictionary Trailer);
