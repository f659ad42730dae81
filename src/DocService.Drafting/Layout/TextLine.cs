using PdfSharp.Drawing;

namespace DocService.Drafting.Layout;

/// <summary>A span of text in one face; paragraphs mixing faces ("Điều 1." bold, then regular) are several runs.</summary>
internal readonly record struct Run(string Text, XFont Font);

/// <summary>A measured word and the width of the space that follows it in its own face.</summary>
internal sealed record Word(string Text, XFont Font, double Width, double SpaceWidth);

internal enum Alignment
{
    Left,
    Centre,
    Justify,
}

/// <summary>One laid-out line. The last line of a paragraph is never stretched when justifying.</summary>
internal sealed record TextLine(IReadOnlyList<Word> Words, bool EndsParagraph)
{
    public double NaturalWidth =>
        Words.Sum(w => w.Width) + Words.Take(Words.Count - 1).Sum(w => w.SpaceWidth);

    public double Height => Words.Max(w => w.Font.GetHeight());

    /// <summary>Distance from the line's top to its baseline: the tallest face's ascent.</summary>
    public double Ascent => Words.Max(w => AscentOf(w.Font));

    public static double AscentOf(XFont font) => font.Metrics.Ascent * font.Size / font.Metrics.UnitsPerEm;

    /// <summary>
    /// Draws word by word so a justified line can spread its spaces — XTextFormatter cannot justify.
    /// Each word but the last is drawn with its trailing space so text extraction sees the spaces;
    /// the widened gap after it stays blank.
    /// </summary>
    public void Draw(XGraphics graphics, double left, double top, double width, Alignment alignment)
    {
        var natural = NaturalWidth;
        var stretch = alignment == Alignment.Justify && !EndsParagraph && Words.Count > 1 && natural < width
            ? (width - natural) / (Words.Count - 1)
            : 0;
        var x = alignment == Alignment.Centre ? left + (width - natural) / 2 : left;
        var baseline = top + Ascent;
        for (var i = 0; i < Words.Count; i++)
        {
            var word = Words[i];
            var last = i == Words.Count - 1;
            graphics.DrawString(last ? word.Text : word.Text + " ", word.Font, XBrushes.Black, x, baseline);
            x += word.Width + word.SpaceWidth + stretch;
        }
    }
}
