using DocService.Pdf.Objects;

namespace DocService.Pdf.Document;

/// <summary>A terminal AcroForm field (§12.7.4) with inheritable entries already resolved.</summary>
/// <param name="FullName">Partial names (/T) of the field and its ancestors joined by '.'.</param>
/// <param name="Id">The field object's identity (null when written directly in its parent).</param>
/// <param name="Dictionary">The field dictionary as stored.</param>
/// <param name="FieldType">/FT without the slash: Tx, Btn, Ch, Sig; null if nothing in the chain says.</param>
/// <param name="Value">/V, resolved (a signature dictionary for a signed /Sig field).</param>
/// <param name="Flags">/Ff bits.</param>
/// <param name="Widgets">Where the field is drawn; empty for a field without a widget.</param>
/// <param name="ValueError">Why /V could not be parsed (a signature dictionary whose /Contents is not hex); null when it was.</param>
public sealed record PdfFormField(string FullName, ObjectId? Id, PdfDictionary Dictionary, string? FieldType,
    PdfObject? Value, long Flags, IReadOnlyList<PdfWidget> Widgets, string? ValueError = null)
{
    public bool IsSignature => FieldType == "Sig";

    public bool IsSigned => IsSignature && Value is PdfDictionary;
}

/// <summary>A widget annotation of a field: where it is drawn.</summary>
/// <param name="Id">The widget's identity (the field's own when field and widget are merged).</param>
/// <param name="Rect">/Rect, normalised.</param>
/// <param name="Page">The page the widget names in /P (optional in the spec, so often absent).</param>
public sealed record PdfWidget(ObjectId? Id, PdfRectangle? Rect, ObjectId? Page);
