using System.Text;
using DocService.Drafting.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocService.Drafting.Appearances;

/// <summary>
/// Draws what a signature or a filled field shows, as a one-page PDF the size of the widget: the
/// signer's signature or the organ's seal (PNG with transparency) and/or lines of text in the
/// bundled Times-metric font, so Vietnamese reads exactly. The signing engine brings the page in
/// as the widget's appearance.
/// </summary>
public static class AppearanceRenderer
{
    /// <summary>An image fitted and centred in the box, with optional caption lines below it.</summary>
    public static void RenderSignature(SignatureAppearance appearance, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(appearance);
        Render(appearance.Width, appearance.Height, destination, graphics =>
        {
            var captionHeight = appearance.Caption.Count * appearance.FontSize * 1.2;
            if (appearance.Png is { } png)
                DrawFitted(graphics, png, new XRect(0, 0, appearance.Width, Math.Max(appearance.Height - captionHeight, appearance.Height / 2)));
            var font = Font(appearance.FontSize, italic: false);
            var y = appearance.Png is null ? (appearance.Height - captionHeight) / 2 : appearance.Height - captionHeight;
            foreach (var line in appearance.Caption)
            {
                graphics.DrawString(Normalise(line), font, XBrushes.Black, new XRect(0, y, appearance.Width, appearance.FontSize * 1.2), XStringFormats.TopCenter);
                y += appearance.FontSize * 1.2;
            }
        });
    }

    /// <summary>
    /// A text field's value, left-aligned and vertically centred, as Decree 30 prints the number and date;
    /// set smaller when it would not fit the field, rather than cut off at its edge.
    /// </summary>
    public static void RenderText(TextAppearance appearance, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(appearance);
        Render(appearance.Width, appearance.Height, destination, graphics =>
        {
            var text = Normalise(appearance.Text);
            var font = Font(appearance.FontSize, appearance.Italic);
            var width = graphics.MeasureString(text, font).Width;
            if (width > appearance.Width)
                font = Font(appearance.FontSize * appearance.Width / width, appearance.Italic);
            graphics.DrawString(text, font, XBrushes.Black, new XRect(0, 0, appearance.Width, appearance.Height), XStringFormats.CenterLeft);
        });
    }

    static void Render(double width, double height, Stream destination, Action<XGraphics> draw)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentException("An appearance needs a positive width and height.");
        FontRegistration.EnsureRegistered();
        using var document = new PdfDocument();
        // Same reason as the draft renderer: PDFsharp 6.2.4's Flate streams lack their end block.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        using (var graphics = XGraphics.FromPdfPage(page))
            draw(graphics);
        var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    static void DrawFitted(XGraphics graphics, byte[] png, XRect box)
    {
        using var image = XImage.FromStream(new MemoryStream(png, writable: false));
        var scale = Math.Min(box.Width / image.PointWidth, box.Height / image.PointHeight);
        var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
        graphics.DrawImage(image, box.X + (box.Width - w) / 2, box.Y + (box.Height - h) / 2, w, h);
    }

    static XFont Font(double size, bool italic) =>
        new(BundledFontResolver.FamilyName, size, italic ? XFontStyleEx.Italic : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    static string Normalise(string text) => text.Normalize(NormalizationForm.FormC);
}

/// <param name="Width">Widget width in points.</param>
/// <param name="Height">Widget height in points.</param>
/// <param name="Png">The signature or seal image; null for a text-only appearance.</param>
/// <param name="Caption">Lines under the image (or centred alone), e.g. who signed and when.</param>
/// <param name="FontSize">Caption size; Decree 30 uses 10 pt for signature information.</param>
public sealed record SignatureAppearance(double Width, double Height, byte[]? Png, IReadOnlyList<string> Caption, double FontSize = 10);

/// <param name="Width">Widget width in points.</param>
/// <param name="Height">Widget height in points.</param>
/// <param name="Text">The value shown.</param>
/// <param name="FontSize">13 pt for the number, 14 pt italic for the date line (Phụ lục I).</param>
/// <param name="Italic">Whether the value is set in italics.</param>
public sealed record TextAppearance(double Width, double Height, string Text, double FontSize, bool Italic);
