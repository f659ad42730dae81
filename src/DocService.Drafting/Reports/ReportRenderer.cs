using System.Text;
using DocService.Drafting.Fonts;
using DocService.Drafting.Layout;
using DocService.Drafting.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocService.Drafting.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to A4 pages with the bundled Times-metric font, wrapping
/// lines and breaking pages as needed, so Vietnamese reports read (and extract) exactly.
/// </summary>
public static class ReportRenderer
{
    public static void Render(ReportDocument report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        FontRegistration.EnsureRegistered();
        var title = Font(14, XFontStyleEx.Bold);
        var heading = Font(12, XFontStyleEx.Bold);
        var body = Font(11, XFontStyleEx.Regular);

        using var uncompressed = new MemoryStream();
        using (var document = new PdfDocument())
        {
            document.Info.Title = Normalise(report.Title);
            document.Info.Creator = "DocService";
            document.Options.NoCompression = true; // compressed properly below, see StreamCompressor
            document.Options.CompressContentStreams = false;
            var writer = new PageWriter(document);
            writer.Write(report.Title, title, centred: true, spaceAfter: 10);
            foreach (var line in report.Preamble)
                writer.Write(line, body, centred: false, spaceAfter: 2);
            foreach (var section in report.Sections)
            {
                writer.Space(8);
                writer.Write(section.Heading, heading, centred: false, spaceAfter: 4);
                foreach (var line in section.Lines)
                    writer.Write(line, body, centred: false, spaceAfter: 2);
            }
            writer.Dispose();
            document.Save(uncompressed, closeStream: false);
        }
        uncompressed.Position = 0;
        using var compressed = StreamCompressor.Compress(uncompressed);
        compressed.CopyTo(destination);
    }

    static XFont Font(double size, XFontStyleEx style) =>
        new(BundledFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    static string Normalise(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>Keeps the cursor and starts a new page when the next line would cross the bottom margin.</summary>
    sealed class PageWriter(PdfDocument document) : IDisposable
    {
        readonly XGraphics _measure = XGraphics.CreateMeasureContext(
            new XSize(PageGeometry.Width, PageGeometry.Height), XGraphicsUnit.Point, XPageDirection.Downwards);
        XGraphics? _graphics;
        double _y;

        public void Space(double points) => _y += points;

        public void Write(string text, XFont font, bool centred, double spaceAfter)
        {
            foreach (var line in Wrap(Normalise(text), font))
            {
                var height = font.GetHeight();
                if (_graphics is null || _y + height > PageGeometry.ContentBottom)
                    NewPage();
                var box = new XRect(PageGeometry.ContentLeft, _y, PageGeometry.ContentWidth, height);
                _graphics!.DrawString(line, font, XBrushes.Black, box, centred ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                _y += height;
            }
            _y += spaceAfter;
        }

        List<string> Wrap(string text, XFont font)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _measure.MeasureString(candidate, font).Width > PageGeometry.ContentWidth)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }
            if (line.Length > 0)
                lines.Add(line.ToString());
            return lines;
        }

        void NewPage()
        {
            _graphics?.Dispose();
            _graphics = XGraphics.FromPdfPage(document.AddPage());
            _y = PageGeometry.ContentTop;
        }

        public void Dispose()
        {
            _graphics?.Dispose();
            _measure.Dispose();
        }
    }
}
