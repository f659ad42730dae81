using System.Globalization;
using System.Text;
using DocService.Drafting.Fonts;
using DocService.Drafting.Layout;
using DocService.Drafting.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocService.Drafting.Reports;

/// <summary>
/// Renders a <see cref="TableReport"/> on A4 landscape pages (registers have ten columns) with the bundled
/// Times-metric font: cells wrap, a row never splits across pages, the header row repeats on every page, pages are
/// numbered. The chart, when there is one, follows the table.
/// </summary>
public static class TableReportRenderer
{
    const double PageWidth = PageGeometry.Height;  // landscape
    const double PageHeight = PageGeometry.Width;
    static readonly double Margin = PageGeometry.Mm(15);
    static readonly double ContentWidth = PageWidth - 2 * Margin;
    const double CellPadding = 3;
    const double ChartHeight = 230;

    public static void Render(TableReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Columns.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(report));
        FontRegistration.EnsureRegistered();

        using var uncompressed = new MemoryStream();
        using (var document = new PdfDocument())
        {
            document.Info.Title = Nfc(report.Title);
            document.Info.Creator = "DocService";
            document.Options.NoCompression = true; // compressed properly below, see StreamCompressor
            document.Options.CompressContentStreams = false;
            using (var writer = new TableWriter(document, report))
                writer.Write();
            document.Save(uncompressed, closeStream: false);
        }
        using var compressed = StreamCompressor.Compress(uncompressed);
        compressed.CopyTo(destination);
    }

    static XFont Font(double size, XFontStyleEx style) =>
        new(BundledFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    static string Nfc(string? text) => (text ?? "").Normalize(NormalizationForm.FormC);

    sealed class TableWriter : IDisposable
    {
        readonly XFont _title = Font(14, XFontStyleEx.Bold);
        readonly XFont _preamble = Font(11, XFontStyleEx.Regular);
        readonly XFont _header = Font(9.5, XFontStyleEx.Bold);
        readonly XFont _cell = Font(9.5, XFontStyleEx.Regular);
        readonly XFont _small = Font(8, XFontStyleEx.Regular);
        readonly PdfDocument _document;
        readonly TableReport _report;
        readonly double[] _widths;
        readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        readonly LineBreaker _breaker;
        XGraphics? _graphics;
        double _y;

        public TableWriter(PdfDocument document, TableReport report)
        {
            _document = document;
            _report = report;
            var total = report.Columns.Sum(c => c.Weight);
            _widths = [.. report.Columns.Select(c => ContentWidth * c.Weight / total)];
            _breaker = new LineBreaker(_measure);
        }

        public void Write()
        {
            NewPage();
            foreach (var line in _breaker.Break(Nfc(_report.Title), _title, ContentWidth))
            {
                line.Draw(_graphics!, Margin, _y, ContentWidth, Alignment.Centre);
                _y += line.Height;
            }
            _y += 6;
            foreach (var text in _report.Preamble)
            {
                foreach (var line in _breaker.Break(Nfc(text), _preamble, ContentWidth))
                {
                    line.Draw(_graphics!, Margin, _y, ContentWidth, Alignment.Left);
                    _y += line.Height;
                }
            }
            _y += 8;
            var header = Lay(_report.Columns.Select(c => c.Title).ToList(), _header);
            DrawRow(header, heading: true);
            foreach (var row in _report.Rows)
            {
                var cells = Lay(row, _cell);
                if (_y + cells.Height > PageHeight - Margin)
                {
                    NewPage();
                    DrawRow(header, heading: true);
                }
                DrawRow(cells, heading: false);
            }
            if (_report.Chart is { } chart)
            {
                if (_y + 20 + ChartHeight > PageHeight - Margin)
                    NewPage();
                else
                    _y += 20;
                DrawChart(chart);
            }
            NumberPages();
        }

        sealed record LaidRow(IReadOnlyList<IReadOnlyList<TextLine>> Cells, double Height);

        LaidRow Lay(IReadOnlyList<string?> texts, XFont font)
        {
            var cells = _widths.Select((width, i) => i < texts.Count && !string.IsNullOrEmpty(texts[i])
                ? _breaker.Break(Nfc(texts[i]), font, width - 2 * CellPadding)
                : (IReadOnlyList<TextLine>)[]).ToList();
            var height = cells.Max(lines => lines.Sum(l => l.Height)) + 2 * CellPadding;
            return new LaidRow(cells, Math.Max(height, font.GetHeight() + 2 * CellPadding));
        }

        void DrawRow(LaidRow row, bool heading)
        {
            var x = Margin;
            for (var i = 0; i < _widths.Length; i++)
            {
                var box = new XRect(x, _y, _widths[i], row.Height);
                if (heading)
                    _graphics!.DrawRectangle(new XSolidBrush(XColor.FromArgb(230, 230, 230)), box);
                _graphics!.DrawRectangle(new XPen(XColors.Black, 0.5), box);
                var top = _y + CellPadding;
                var alignment = heading ? Alignment.Centre : Alignment.Left;
                foreach (var line in row.Cells[i])
                {
                    var width = _widths[i] - 2 * CellPadding;
                    if (!heading && _report.Columns[i].Numeric)
                        line.Draw(_graphics, x + CellPadding + width - line.NaturalWidth, top, line.NaturalWidth, Alignment.Left);
                    else
                        line.Draw(_graphics, x + CellPadding, top, width, alignment);
                    top += line.Height;
                }
                x += _widths[i];
            }
            _y += row.Height;
        }

        /// <summary>Grouped bars on a y axis from 0 to a round maximum, with the legend under the title.</summary>
        void DrawChart(BarChart chart)
        {
            var g = _graphics!;
            var title = _breaker.Break(Nfc(chart.Title), _header, ContentWidth);
            foreach (var line in title)
            {
                line.Draw(g, Margin, _y, ContentWidth, Alignment.Centre);
                _y += line.Height;
            }
            var legendX = Margin + 40;
            var legendY = _y + 4;
            foreach (var series in chart.Series)
            {
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(series.Red, series.Green, series.Blue)), legendX, legendY, 10, 10);
                g.DrawString(Nfc(series.Name), _small, XBrushes.Black, legendX + 14, legendY + 8);
                legendX += 24 + _measure.MeasureString(Nfc(series.Name), _small).Width;
            }
            var left = Margin + 40;
            var top = legendY + 22;
            var bottom = _y + ChartHeight - 24;
            var width = ContentWidth - 50;
            var max = NiceMaximum(chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
            var axis = new XPen(XColors.Black, 0.6);
            var grid = new XPen(XColor.FromArgb(200, 200, 200), 0.4);
            const int ticks = 5;
            for (var t = 0; t <= ticks; t++)
            {
                var value = max * t / ticks;
                var y = bottom - (bottom - top) * t / ticks;
                g.DrawLine(t == 0 ? axis : grid, left, y, left + width, y);
                var label = value.ToString("#,0.##", CultureInfo.GetCultureInfo("vi-VN"));
                g.DrawString(label, _small, XBrushes.Black, left - 4 - _measure.MeasureString(label, _small).Width, y + 3);
            }
            g.DrawLine(axis, left, top, left, bottom);
            var slot = chart.Categories.Count == 0 ? width : width / chart.Categories.Count;
            var bar = Math.Min(28, slot * 0.8 / Math.Max(1, chart.Series.Count));
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var groupLeft = left + c * slot + (slot - bar * chart.Series.Count) / 2;
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var series = chart.Series[s];
                    var value = c < series.Values.Count ? series.Values[c] : 0;
                    var height = max == 0 ? 0 : (bottom - top) * value / max;
                    if (height > 0)
                        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(series.Red, series.Green, series.Blue)), groupLeft + s * bar, bottom - height, bar, height);
                }
                var category = Nfc(chart.Categories[c]);
                var labelWidth = _measure.MeasureString(category, _small).Width;
                g.DrawString(category, _small, XBrushes.Black, left + c * slot + (slot - labelWidth) / 2, bottom + 11);
            }
            _y += ChartHeight;
        }

        /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above the largest value, so the axis reads in round steps.</summary>
        static double NiceMaximum(double value)
        {
            if (value <= 0)
                return 5;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
            foreach (var step in new[] { 1.0, 2, 5, 10 })
            {
                if (step * magnitude >= value)
                    return Math.Max(5, step * magnitude);
            }
            return 10 * magnitude;
        }

        void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
        }

        void NumberPages()
        {
            _graphics?.Dispose();
            _graphics = null;
            var count = _document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
                var text = $"{i + 1}/{count}";
                g.DrawString(text, _small, XBrushes.Black, PageWidth - Margin - _measure.MeasureString(text, _small).Width, PageHeight - Margin / 2);
            }
        }

        public void Dispose()
        {
            _graphics?.Dispose();
            _measure.Dispose();
        }
    }
}
