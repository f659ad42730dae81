using DocService.Pdf.Objects;

namespace DocService.Pdf.Forms;

public enum FormFieldKind
{
    /// <summary>/FT /Tx: a text field, filled later (e.g. the number and date at issue).</summary>
    Text,
    /// <summary>/FT /Sig: an empty signature field, signed later.</summary>
    Signature,
}

/// <summary>/Q of a text field.</summary>
public enum TextAlignment
{
    Left = 0,
    Centre = 1,
    Right = 2,
}

/// <summary>
/// One of the standard 14 fonts, under the resource name Acrobat uses for it in /DR, so a viewer that
/// rebuilds a field's appearance finds the font its /DA names.
/// </summary>
public sealed record StandardFont(string ResourceName, string BaseFont)
{
    public static readonly StandardFont TimesRoman = new("TiRo", "Times-Roman");
    public static readonly StandardFont TimesItalic = new("TiIt", "Times-Italic");
    public static readonly StandardFont Helvetica = new("Helv", "Helvetica");
}

/// <summary>How a text field's value looks once filled: its /DA font and size and its /Q alignment.</summary>
public sealed record TextFieldStyle(StandardFont Font, double FontSize, TextAlignment Alignment = TextAlignment.Left)
{
    public static TextFieldStyle Default { get; } = new(StandardFont.TimesRoman, 12);
}

/// <summary>
/// A field to add: its partial name (no dots: it is a top-level field), kind, page (0-based) and
/// widget rectangle in default user space, and for a text field how its value will look.
/// </summary>
public sealed record NewFormField(string Name, FormFieldKind Kind, int PageIndex, PdfRectangle Rect, TextFieldStyle? Style = null);
