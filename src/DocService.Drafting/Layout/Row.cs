using DocService.Drafting.Fields;
using PdfSharp.Drawing;

namespace DocService.Drafting.Layout;

/// <summary>What a row draws on: the page's graphics, the row's top edge, and where fields go.</summary>
internal sealed record RowCanvas(XGraphics Graphics, double Top, int Page, FieldSink Fields);

/// <summary>
/// The unit of pagination: never split across pages. A text line is a row; so is the whole header
/// and the whole signature block. <see cref="KeepWithNext"/> chains rows that must share a page,
/// which is how paragraphs avoid orphans and widows and how the signature block takes the end of
/// the body with it.
/// </summary>
internal sealed class Row(double height, Action<RowCanvas> draw)
{
    public double Height { get; } = height;
    public double SpaceBefore { get; init; }
    public bool KeepWithNext { get; set; }

    public void Draw(RowCanvas canvas) => draw(canvas);

    public static Row Line(TextLine line, double left, double width, Alignment alignment, double spaceBefore = 0) =>
        new(line.Height, canvas => line.Draw(canvas.Graphics, left, canvas.Top, width, alignment)) { SpaceBefore = spaceBefore };
}
