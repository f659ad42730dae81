using DocService.Drafting.Layout;
using DocService.Drafting.Model;

namespace DocService.Drafting.Rendering;

/// <summary>
/// Body text: justified paragraphs with a first-line indent and 6 pt between them. A decision adds
/// the issuing authority, its legal bases in italics, "QUYẾT ĐỊNH:" and the numbered articles.
/// </summary>
internal sealed class BodyBuilder(LineBreaker breaker, Typography type)
{
    static readonly double Left = PageGeometry.ContentLeft;
    static readonly double Width = PageGeometry.ContentWidth;

    public IReadOnlyList<Row> Build(DraftBody body) => body switch
    {
        ProseBody prose => prose.Paragraphs.SelectMany(p => Paragraph([new Run(p, type.Body)])).ToList(),
        DecisionBody decision => Decision(decision),
        _ => throw new ArgumentOutOfRangeException(nameof(body), body.GetType().Name, null),
    };

    List<Row> Decision(DecisionBody decision)
    {
        var rows = new List<Row>();
        rows.AddRange(Centred(Columns.Caps(decision.IssuingAuthority), spaceBefore: 12));
        foreach (var basis in decision.LegalBases) rows.AddRange(Paragraph([new Run(basis, type.BodyItalic)]));
        rows.AddRange(Centred("QUYẾT ĐỊNH:", spaceBefore: 12));
        for (var i = 0; i < decision.Articles.Count; i++)
        {
            var paragraphs = decision.Articles[i].Paragraphs;
            rows.AddRange(Paragraph([new Run($"Điều {i + 1}.", type.BodyBold), new Run(paragraphs[0], type.Body)]));
            foreach (var clause in paragraphs.Skip(1)) rows.AddRange(Paragraph([new Run(clause, type.Body)]));
        }
        return rows;
    }

    /// <summary>A bold centred heading, kept with what follows it.</summary>
    IEnumerable<Row> Centred(string text, double spaceBefore) =>
        breaker.BreakBalanced(text, type.BodyBold, Width).Select((line, i) =>
            new Row(line.Height, canvas => line.Draw(canvas.Graphics, Left, canvas.Top, Width, Alignment.Centre))
            {
                SpaceBefore = i == 0 ? spaceBefore : 0,
                KeepWithNext = true,
            });

    /// <summary>
    /// Lines of one justified paragraph. The first line stays with the second (no orphan at a page
    /// foot) and the next-to-last with the last (no widow at a page head).
    /// </summary>
    IEnumerable<Row> Paragraph(IReadOnlyList<Run> runs)
    {
        var indent = Typography.FirstLineIndent;
        var lines = breaker.Break(runs, Width - indent, Width);
        for (var i = 0; i < lines.Count; i++)
        {
            var first = i == 0;
            yield return new Row(lines[i].Height, Draw(lines[i], first ? indent : 0))
            {
                SpaceBefore = first ? Typography.ParagraphSpacing : 0,
                KeepWithNext = (first && lines.Count > 1) || (i == lines.Count - 2),
            };
        }
    }

    static Action<RowCanvas> Draw(TextLine line, double indent) =>
        canvas => line.Draw(canvas.Graphics, Left + indent, canvas.Top, Width - indent, Alignment.Justify);
}
