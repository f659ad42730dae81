using DocService.Drafting.Layout;
using DocService.Drafting.Model;
using PdfSharp.Drawing;

namespace DocService.Drafting.Rendering;

/// <summary>
/// The type name and subject centred under the header (a công văn has neither: its subject sits in
/// the header as "V/v …"), then the "Kính gửi:" addressees of a công văn or tờ trình.
/// </summary>
internal sealed class TitleBuilder(LineBreaker breaker, Typography type)
{
    static readonly double Left = PageGeometry.ContentLeft;
    static readonly double Width = PageGeometry.ContentWidth;

    /// <summary>Subjects wrap narrower than the text width so a two-line subject reads as a block.</summary>
    static readonly double SubjectWidth = PageGeometry.ContentWidth * 0.85;

    public IEnumerable<Row> Build(Draft draft)
    {
        var rows = new List<Row>();
        if (draft.Type.HasTitle())
        {
            var title = breaker.BreakBalanced(Columns.Caps(draft.Type.VietnameseName()), type.Title, Width);
            rows.AddRange(title.Select((line, i) => Row.Line(line, Left, Width, Alignment.Centre, i == 0 ? 18 : 0)));
            var subject = breaker.BreakBalanced(draft.Subject, type.Subject, SubjectWidth);
            rows.AddRange(subject.Select(line => Row.Line(line, Left, Width, Alignment.Centre)));
            var ruleLength = 0.4 * subject.Max(line => line.NaturalWidth);
            var rule = new ColumnStack(breaker, Width).Rule(ruleLength);
            rows.Add(new Row(rule.Height, canvas => rule.Draw(canvas, Left)));
        }
        if (draft.Type.IsAddressed()) rows.AddRange(Addressees(draft.Recipients.Addressees, spaceBefore: draft.Type.HasTitle() ? 6 : 18));
        foreach (var row in rows) row.KeepWithNext = true;
        return rows;
    }

    /// <summary>
    /// One addressee goes on the "Kính gửi:" line itself; several go one per line as "- …;", the last
    /// ending with a full stop, aligned after the label, the whole block centred.
    /// </summary>
    IEnumerable<Row> Addressees(IReadOnlyList<string> addressees, double spaceBefore)
    {
        const string label = "Kính gửi: ";
        var labelWidth = breaker.Width(label, type.Body);
        var entries = addressees.Count == 1
            ? [Terminated(addressees[0], ".")]
            : addressees.Select((a, i) => "- " + Terminated(a, i == addressees.Count - 1 ? "." : ";")).ToList();
        var listWidth = Width * 0.75 - labelWidth;
        var lines = entries.SelectMany(entry => breaker.Break(entry, type.Body, listWidth)).ToList();
        var blockLeft = Left + (Width - labelWidth - lines.Max(l => l.NaturalWidth)) / 2;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var first = i == 0;
            yield return new Row(line.Height, canvas =>
            {
                if (first) canvas.Graphics.DrawString(label, type.Body, XBrushes.Black, blockLeft, canvas.Top + line.Ascent);
                line.Draw(canvas.Graphics, blockLeft + labelWidth, canvas.Top, listWidth, Alignment.Left);
            })
            { SpaceBefore = first ? spaceBefore : 0 };
        }
    }

    static string Terminated(string entry, string mark) => entry.TrimEnd(';', '.', ',') + mark;
}
