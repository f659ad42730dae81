using DocService.Drafting.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocService.Drafting.Layout;

/// <summary>
/// The faces and sizes Phụ lục I prescribes for each element. Where the decree gives a range we take
/// the size government templates use: 12 pt for the two header titles so the national title fits
/// its column on one line, 13–14 pt elsewhere.
/// </summary>
internal sealed class Typography
{
    public XFont ParentOrgan { get; } = Font(12, XFontStyleEx.Regular);
    public XFont OrganName { get; } = Font(12, XFontStyleEx.Bold);
    public XFont NationalTitle { get; } = Font(12, XFontStyleEx.Bold);
    public XFont Motto { get; } = Font(13, XFontStyleEx.Bold);
    public XFont Number { get; } = Font(13, XFontStyleEx.Regular);
    public XFont DateLine { get; } = Font(14, XFontStyleEx.Italic);
    public XFont LetterSubject { get; } = Font(12, XFontStyleEx.Regular);
    public XFont Stamp { get; } = Font(13, XFontStyleEx.Bold);
    public XFont Title { get; } = Font(14, XFontStyleEx.Bold);
    public XFont Subject { get; } = Font(14, XFontStyleEx.Bold);
    public XFont Body { get; } = Font(14, XFontStyleEx.Regular);
    public XFont BodyBold { get; } = Font(14, XFontStyleEx.Bold);
    public XFont BodyItalic { get; } = Font(14, XFontStyleEx.Italic);
    public XFont SignerTitle { get; } = Font(14, XFontStyleEx.Bold);
    public XFont SignerName { get; } = Font(14, XFontStyleEx.Bold);
    public XFont RecipientsHeading { get; } = Font(12, XFontStyleEx.BoldItalic);
    public XFont RecipientsList { get; } = Font(11, XFontStyleEx.Regular);
    public XFont PageNumber { get; } = Font(13, XFontStyleEx.Regular);

    /// <summary>6 pt between paragraphs, as the decree asks.</summary>
    public const double ParagraphSpacing = 6;

    /// <summary>First-line indent of body paragraphs, 1.27 cm (Phụ lục I allows 1–1.27 cm).</summary>
    public static readonly double FirstLineIndent = PageGeometry.Mm(12.7);

    // Unicode encoding makes PDFsharp write Identity-H fonts with a ToUnicode map, so every
    // Vietnamese letter gets a glyph and text extraction returns exactly the input.
    static XFont Font(double size, XFontStyleEx style) =>
        new(BundledFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
