using DocService.Drafting.Fields;
using DocService.Drafting.Layout;
using DocService.Drafting.Model;
using PdfSharp.Drawing;

namespace DocService.Drafting.Rendering;

/// <summary>
/// The page-1 header as one row: organ names | national title and motto, then
/// "Số: …/{notation}" (with "V/v …" for a công văn and the urgency/confidentiality stamps) | the
/// date line. The number and date are left as text fields for the clerk to fill at issue.
/// </summary>
internal sealed class HeaderBuilder(LineBreaker breaker, Typography type)
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The widest date the clerk will write, sizing the date field and centring the line around it.</summary>
    const string WidestDate = "ngày 00 tháng 00 năm 0000";

    /// <summary>Room for a number of up to five digits between "Số:" and "/{notation}".</summary>
    static readonly double NumberGap = PageGeometry.Mm(14);

    public Row Build(Draft draft)
    {
        var organ = OrganColumn(draft.Organ);
        var nation = new ColumnStack(breaker, Columns.RightWidth)
            .Centred(NationalTitle, type.NationalTitle)
            .Centred(Motto, type.Motto)
            .Rule(breaker.Width(Motto, type.Motto));
        var numbering = NumberColumn(draft);
        var dating = new ColumnStack(breaker, Columns.RightWidth).Space(6).Add(type.DateLine.GetHeight(), DrawDateLine(draft.Place));

        var top = Math.Max(organ.Height, nation.Height);
        return new Row(top + Math.Max(numbering.Height, dating.Height), canvas =>
        {
            organ.Draw(canvas, Columns.LeftX);
            nation.Draw(canvas, Columns.RightX);
            var below = canvas with { Top = canvas.Top + top };
            numbering.Draw(below, Columns.LeftX);
            dating.Draw(below, Columns.RightX);
        });
    }

    ColumnStack OrganColumn(Organ organ)
    {
        var column = new ColumnStack(breaker, Columns.LeftWidth);
        if (organ.ParentName is { } parent) column.Centred(Columns.Caps(parent), type.ParentOrgan, Columns.Gutter);
        var name = breaker.BreakBalanced(Columns.Caps(organ.Name), type.OrganName, Columns.LeftWidth - 2 * Columns.Gutter);
        // The decree asks for a rule of 1/3 to 1/2 of the name's length under it.
        return column.Lines(name, Alignment.Centre).Rule(0.4 * name.Max(line => line.NaturalWidth));
    }

    ColumnStack NumberColumn(Draft draft)
    {
        var column = new ColumnStack(breaker, Columns.LeftWidth)
            .Space(6)
            .Add(type.Number.GetHeight(), DrawNumberLine(draft.Notation));
        if (!draft.Type.HasTitle())
            column.Space(2).Centred($"V/v {draft.Subject}", type.LetterSubject, Columns.Gutter);
        foreach (var stamp in new[] { draft.Confidentiality.StampText(), draft.Urgency.StampText() }.OfType<string>())
            column.Space(6).Add(PageGeometry.Mm(8), DrawStamp(stamp));
        return column;
    }

    /// <summary>
    /// "Số:" is printed on the page; the number and "/{notation}" share one text field, the notation
    /// its default value, shown after a blank until the clerk issues the document. Issued, the field shows the number
    /// running straight into the notation ("Số: 02/QĐ-UBND"), which a number filled into a gap left
    /// in the signed page could not.
    /// </summary>
    ColumnStack.ItemDrawer DrawNumberLine(string notation) => (canvas, left, top) =>
    {
        const string label = "Số: ";
        var suffix = "/" + notation;
        var labelWidth = breaker.Width(label, type.Number);
        var fieldWidth = NumberGap + breaker.Width(suffix, type.Number);
        var x = left + (Columns.LeftWidth - labelWidth - fieldWidth) / 2;
        var ascent = TextLine.AscentOf(type.Number);
        canvas.Graphics.DrawString(label, type.Number, XBrushes.Black, x, top + ascent);
        canvas.Fields.Add(new FieldRequest(DraftFieldNames.Number, FieldKind.Text, canvas.Page,
            new XRect(x + labelWidth, top, fieldWidth, type.Number.GetHeight()),
            new TextFieldStyle(AcroFormWriter.RegularFont, type.Number.Size, Quadding: 0),
            new FieldPlaceholder(suffix, graphics => graphics.DrawString(suffix, type.Number, XBrushes.Black, NumberGap, ascent))));
    };

    ColumnStack.ItemDrawer DrawDateLine(string place) => (canvas, left, top) =>
    {
        var prefix = place + ", ";
        var prefixWidth = breaker.Width(prefix, type.DateLine);
        var dateWidth = breaker.Width(WidestDate, type.DateLine);
        var total = prefixWidth + dateWidth;
        // A long place name may not fit the column centred; it then ends at the right margin.
        var x = Math.Min(left + (Columns.RightWidth - total) / 2, PageGeometry.ContentRight - total);
        canvas.Graphics.DrawString(prefix, type.DateLine, XBrushes.Black, x, top + TextLine.AscentOf(type.DateLine));
        canvas.Fields.Add(new FieldRequest(DraftFieldNames.Date, FieldKind.Text, canvas.Page,
            new XRect(x + prefixWidth, top, dateWidth, type.DateLine.GetHeight()),
            new TextFieldStyle(AcroFormWriter.ItalicFont, type.DateLine.Size, Quadding: 0)));
    };

    /// <summary>Urgency and confidentiality marks are stamps: capitals in a single-ruled box.</summary>
    ColumnStack.ItemDrawer DrawStamp(string text) => (canvas, left, top) =>
    {
        var textWidth = breaker.Width(text, type.Stamp);
        var box = new XRect(0, top, Math.Max(textWidth + PageGeometry.Mm(6), PageGeometry.Mm(20)), PageGeometry.Mm(8));
        box.X = left + (Columns.LeftWidth - box.Width) / 2;
        canvas.Graphics.DrawRectangle(ColumnStack.RulePen, box);
        canvas.Graphics.DrawString(text, type.Stamp, XBrushes.Black, box, XStringFormats.Center);
    };
}
