using System.Globalization;
using DocService.Drafting.Fields;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocService.Drafting.Layout;

/// <summary>
/// Places rows top to bottom, opening a new page when the next chain of kept-together rows does not
/// fit. Pages from the second on get their number centred in the top margin (the decree does not
/// number the first page).
/// </summary>
internal sealed class Paginator(PdfDocument document, Typography typography, FieldSink fields)
{
    public int Paginate(IReadOnlyList<Row> rows)
    {
        var page = 0;
        XGraphics? graphics = null;
        var y = 0.0;
        var atTop = true;

        void NewPage()
        {
            graphics?.Dispose();
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(PageGeometry.Width);
            pdfPage.Height = XUnit.FromPoint(PageGeometry.Height);
            graphics = XGraphics.FromPdfPage(pdfPage);
            page++;
            if (page > 1) DrawPageNumber(graphics, page);
            y = PageGeometry.ContentTop;
            atTop = true;
        }

        NewPage();
        for (var i = 0; i < rows.Count;)
        {
            var end = ChainEnd(rows, i);
            var chainHeight = rows[i].Height + Enumerable.Range(i + 1, end - i).Sum(k => rows[k].SpaceBefore + rows[k].Height);
            if (!atTop && y + rows[i].SpaceBefore + chainHeight > PageGeometry.ContentBottom) NewPage();

            // A chain taller than a page cannot be kept together; it then breaks wherever it must.
            for (; i <= end; i++)
            {
                var row = rows[i];
                var space = atTop ? 0 : row.SpaceBefore;
                if (!atTop && y + space + row.Height > PageGeometry.ContentBottom)
                {
                    NewPage();
                    space = 0;
                }
                row.Draw(new RowCanvas(graphics!, y + space, page, fields));
                y += space + row.Height;
                atTop = false;
            }
        }
        graphics?.Dispose();
        return page;
    }

    static int ChainEnd(IReadOnlyList<Row> rows, int start)
    {
        var end = start;
        while (rows[end].KeepWithNext && end + 1 < rows.Count) end++;
        return end;
    }

    void DrawPageNumber(XGraphics graphics, int page) =>
        graphics.DrawString(page.ToString(CultureInfo.InvariantCulture), typography.PageNumber, XBrushes.Black,
            PageGeometry.ContentLeft + PageGeometry.ContentWidth / 2, PageGeometry.PageNumberBaseline,
            XStringFormats.BaseLineCenter);
}
