using DocService.Pdf.Objects;

namespace DocService.Pdf.Document;

/// <summary>A page with its inheritable attributes already resolved from its ancestors (§7.7.3.4).</summary>
/// <param name="Index">0-based position in document order.</param>
/// <param name="Id">The page object's identity (null for a direct page dictionary, which is malformed but seen).</param>
/// <param name="Dictionary">The page dictionary as stored.</param>
/// <param name="MediaBox">Own or inherited /MediaBox; US Letter when the whole chain lacks it, as viewers assume.</param>
/// <param name="CropBox">Own or inherited /CropBox, if any.</param>
/// <param name="Rotate">Own or inherited /Rotate in degrees.</param>
/// <param name="Resources">Own or inherited /Resources, if any.</param>
public sealed record PdfPage(int Index, ObjectId? Id, PdfDictionary Dictionary, PdfRectangle MediaBox, PdfRectangle? CropBox,
    int Rotate, PdfDictionary? Resources);
