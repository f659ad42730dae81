using System.Globalization;
using PdfSharp.Drawing;

namespace DocService.Drafting.Layout;

/// <summary>Greedy line breaking at spaces; a word wider than a whole line is cut between letters.</summary>
internal sealed class LineBreaker(XGraphics measure)
{
    public double Width(string text, XFont font) => measure.MeasureString(text, font).Width;

    public IReadOnlyList<TextLine> Break(string text, XFont font, double width) =>
        Break([new Run(text, font)], width, width);

    /// <summary>
    /// Breaks centred text into as few lines as greedy breaking would, but as even as possible:
    /// "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN" rather than a last line holding one word.
    /// </summary>
    public IReadOnlyList<TextLine> BreakBalanced(string text, XFont font, double width)
    {
        var greedy = Break(text, font, width);
        if (greedy.Count < 2) return greedy;
        double low = greedy.Max(l => l.NaturalWidth) / 2, high = width;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (Break(text, font, mid).Count == greedy.Count) high = mid;
            else low = mid;
        }
        return Break(text, font, high);
    }

    public IReadOnlyList<TextLine> Break(IReadOnlyList<Run> runs, double firstLineWidth, double width)
    {
        var lines = new List<TextLine>();
        var current = new List<Word>();
        var used = 0.0;
        foreach (var word in runs.SelectMany(Words))
        {
            foreach (var piece in FitWithin(word, width))
            {
                var available = lines.Count == 0 ? firstLineWidth : width;
                var needed = current.Count == 0 ? piece.Width : used + current[^1].SpaceWidth + piece.Width;
                if (current.Count > 0 && needed > available)
                {
                    lines.Add(new TextLine(current, EndsParagraph: false));
                    current = [];
                    needed = piece.Width;
                }
                current.Add(piece);
                used = needed;
            }
        }
        if (current.Count > 0) lines.Add(new TextLine(current, EndsParagraph: true));
        return lines;
    }

    IEnumerable<Word> Words(Run run)
    {
        var space = Width(" ", run.Font);
        foreach (var text in run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            yield return new Word(text, run.Font, Width(text, run.Font), space);
    }

    IEnumerable<Word> FitWithin(Word word, double width)
    {
        if (word.Width <= width)
        {
            yield return word;
            yield break;
        }
        // Long tokens (URLs, document codes) have no spaces to break at; cutting between text
        // elements keeps every line inside the margins and never splits a letter from its marks.
        var piece = "";
        var elements = StringInfo.GetTextElementEnumerator(word.Text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && Width(piece + element, word.Font) > width)
            {
                yield return word with { Text = piece, Width = Width(piece, word.Font) };
                piece = "";
            }
            piece += element;
        }
        yield return word with { Text = piece, Width = Width(piece, word.Font) };
    }
}
