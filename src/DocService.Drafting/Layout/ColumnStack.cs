using PdfSharp.Drawing;

namespace DocService.Drafting.Layout;

/// <summary>
/// A vertical stack of items inside one column of a fixed width: the header's two columns and the
/// signature block's two are each one stack, drawn side by side within a single row.
/// </summary>
internal sealed class ColumnStack(LineBreaker breaker, double width)
{
    /// <summary>Draws one item given the canvas, the column's left edge and the item's top.</summary>
    public delegate void ItemDrawer(RowCanvas canvas, double left, double top);

    readonly List<(double Height, ItemDrawer Draw)> _items = [];

    public double Width => width;
    public double Height => _items.Sum(item => item.Height);

    /// <summary>Centred lines, evenly broken, kept <paramref name="gutter"/> clear of each column edge.</summary>
    public ColumnStack Centred(string text, XFont font, double gutter = 0) =>
        Lines(breaker.BreakBalanced(text, font, width - 2 * gutter), Alignment.Centre);

    public ColumnStack Lines(IEnumerable<TextLine> lines, Alignment alignment, double indent = 0)
    {
        foreach (var line in lines)
            Add(line.Height, (canvas, left, top) => line.Draw(canvas.Graphics, left + indent, top, width - indent, alignment));
        return this;
    }

    /// <summary>A thin solid rule centred in the column, as under the organ name, the motto and the subject.</summary>
    public ColumnStack Rule(double length)
    {
        const double drop = 4;
        Add(drop + 4, (canvas, left, top) =>
        {
            var x = left + (width - length) / 2;
            canvas.Graphics.DrawLine(RulePen, x, top + drop, x + length, top + drop);
        });
        return this;
    }

    public ColumnStack Space(double height)
    {
        Add(height, (_, _, _) => { });
        return this;
    }

    public ColumnStack Add(double height, ItemDrawer draw)
    {
        _items.Add((height, draw));
        return this;
    }

    public void Draw(RowCanvas canvas, double left)
    {
        var top = canvas.Top;
        foreach (var (height, draw) in _items)
        {
            draw(canvas, left, top);
            top += height;
        }
    }

    public static readonly XPen RulePen = new(XColors.Black, 0.6);
}
