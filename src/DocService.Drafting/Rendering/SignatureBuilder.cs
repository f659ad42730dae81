using DocService.Drafting.Fields;
using DocService.Drafting.Layout;
using DocService.Drafting.Model;
using PdfSharp.Drawing;

namespace DocService.Drafting.Rendering;

/// <summary>
/// The closing row: "Nơi nhận:" and its list on the left; on the right the signer's competence and
/// position, the empty space where the signature and seal go, and the full name. It is one row so
/// the block never splits across pages.
/// </summary>
internal sealed class SignatureBuilder(LineBreaker breaker, Typography type)
{
    static readonly double RecipientsWidth = PageGeometry.ContentWidth * 0.45 - Columns.Gutter;
    static readonly double SignerWidth = PageGeometry.ContentWidth * 0.55;
    static double SignerLeft => PageGeometry.ContentRight - SignerWidth;

    /// <summary>Room for a handwritten-size signature image between position and name.</summary>
    static readonly XSize SignatureSpace = new(PageGeometry.Mm(50), PageGeometry.Mm(30));

    /// <summary>Round seals are 35–42 mm across; the field is sized for the common 36 mm one.</summary>
    static readonly double SealSize = PageGeometry.Mm(36);

    public Row Build(Draft draft)
    {
        var recipients = RecipientsColumn(draft.Recipients);
        var signer = SignerColumn(draft.Signer);
        return new Row(Math.Max(recipients.Height, signer.Height), canvas =>
        {
            recipients.Draw(canvas, PageGeometry.ContentLeft);
            signer.Draw(canvas, SignerLeft);
        })
        { SpaceBefore = 12 };
    }

    ColumnStack SignerColumn(SignerBlock signer)
    {
        var column = new ColumnStack(breaker, SignerWidth);
        foreach (var line in signer.Authority)
            column.Centred($"{line.Prefix} {Columns.Caps(line.For)}", type.SignerTitle, Columns.Gutter);
        if (signer.Position.Length > 0) column.Centred(Columns.Caps(signer.Position), type.SignerTitle, Columns.Gutter);
        return column.Add(SignatureSpace.Height, AddSignatureFields).Centred(signer.FullName, type.SignerName, Columns.Gutter);
    }

    /// <summary>
    /// The signer's field fills the space under the position; the seal's field overlaps the left
    /// third of it, as Phụ lục I places the seal over the signature.
    /// </summary>
    void AddSignatureFields(RowCanvas canvas, double left, double top)
    {
        var signature = new XRect(left + (SignerWidth - SignatureSpace.Width) / 2, top, SignatureSpace.Width, SignatureSpace.Height);
        var seal = new XRect(
            signature.Left + signature.Width / 3 - SealSize,
            signature.Top + (signature.Height - SealSize) / 2,
            SealSize, SealSize);
        canvas.Fields.Add(new FieldRequest(DraftFieldNames.Signer, FieldKind.Signature, canvas.Page, signature));
        canvas.Fields.Add(new FieldRequest(DraftFieldNames.Organisation, FieldKind.Signature, canvas.Page, seal));
    }

    ColumnStack RecipientsColumn(Recipients recipients)
    {
        var column = new ColumnStack(breaker, RecipientsWidth)
            .Lines(breaker.Break("Nơi nhận:", type.RecipientsHeading, RecipientsWidth), Alignment.Left);
        var entries = recipients.PrintedEntries();
        const string dash = "- ";
        var hang = breaker.Width(dash, type.RecipientsList);
        foreach (var entry in entries)
        {
            var lines = breaker.Break([new Run(dash + entry, type.RecipientsList)], RecipientsWidth, RecipientsWidth - hang);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var indent = i == 0 ? 0 : hang;
                column.Add(line.Height, (canvas, left, top) =>
                    line.Draw(canvas.Graphics, left + indent, top, RecipientsWidth - indent, Alignment.Left));
            }
        }
        return column;
    }
}
