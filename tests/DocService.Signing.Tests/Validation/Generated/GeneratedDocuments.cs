namespace DocService.Signing.Tests.Validation.Generated;

/// <summary>
/// The hand-made documents of the generated cases: one page, one signature field (object 6) whose
/// widget is on the page, and its signature dictionary (object 7), with the variations a case needs.
/// </summary>
internal static class GeneratedDocuments
{
    const string WhiteBox = "1 1 1 rg 0 0 500 50 re f";

    public const string PageContent = "BT /F1 14 Tf 72 760 Td (So 15/QD-UBND: phe duyet du toan 1.000.000 dong) Tj ET";

    /// <summary>The objects of the signed revision.</summary>
    /// <param name="fieldInForm">Whether the AcroForm lists the field (poppler's pdfsig -add-signature leaves it out).</param>
    /// <param name="docMdp">Certify with this DocMDP /P.</param>
    /// <param name="signatureDictionary">Replaces the standard signature dictionary (e.g. to repeat a key).</param>
    public static List<string> Signed(bool fieldInForm = true, int? docMdp = null, string? signatureDictionary = null)
    {
        var perms = docMdp is null ? "" : " /Perms << /DocMDP 7 0 R >>";
        var reference = docMdp is { } p
            ? $" /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P {p} /V /1.2 >> >>]"
            : "";
        return
        [
            $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{(fieldInForm ? "6 0 R" : "")}] /SigFlags 3 >>{perms} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [6 0 R] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {PageContent.Length} >>\nstream\n{PageContent}\nendstream",
            "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /F 132 /Rect [0 0 0 0] /P 3 0 R /V 7 0 R >>",
            signatureDictionary ?? "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange SIGNED_BYTERANGE "
                + $"/Contents SIGNED_CONTENTS /M (D:20261126093000+07'00'){reference} >>",
        ];
    }

    public static Task<byte[]> SignedAsync(bool fieldInForm = true, int? docMdp = null, string? signatureDictionary = null) =>
        HandMadePdf.SignAsync(HandMadePdf.Write(Signed(fieldInForm, docMdp, signatureDictionary)));

    /// <summary>A later revision that replaces the page's content stream: what the reader sees changes.</summary>
    public static byte[] WithPageContentReplaced(byte[] signed, string text = "BT /F1 14 Tf 72 760 Td (So 15/QD-UBND: phe duyet du toan 9.000.000 dong) Tj ET") =>
        HandMadePdf.Append(signed, new Dictionary<int, string> { [5] = $"<< /Length {text.Length} >>\nstream\n{text}\nendstream" });

    /// <summary>A later revision adding a widget annotation that no form field stands behind (a drawn box, not a field).</summary>
    public static byte[] WithOrphanWidget(byte[] signed) => HandMadePdf.Append(signed, new Dictionary<int, string>
    {
        [3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [6 0 R 8 0 R] >>",
        [8] = "<< /Type /Annot /Subtype /Widget /Rect [60 740 560 790] /P 3 0 R /F 4 /AP << /N 9 0 R >> >>",
        [9] = $"<< /Type /XObject /Subtype /Form /BBox [0 0 500 50] /Length {WhiteBox.Length} >>\nstream\n{WhiteBox}\nendstream",
    });

    /// <summary>A later revision adding an empty signature field, in the form and on the page, as a second signer's tool does.</summary>
    public static byte[] WithNewSignatureField(byte[] signed, bool certified) => HandMadePdf.Append(signed, new Dictionary<int, string>
    {
        [1] = $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R 8 0 R] /SigFlags 3 >>{(certified ? " /Perms << /DocMDP 7 0 R >>" : "")} >>",
        [3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [6 0 R 8 0 R] >>",
        [8] = "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature2) /F 132 /Rect [0 0 0 0] /P 3 0 R >>",
    });

    /// <summary>A later revision that adds a second page with its own content (what an incremental saving attack appends).</summary>
    public static byte[] WithPageAdded(byte[] signed, string text = "BT /F1 14 Tf 72 760 Td (Phu luc: du toan 9.000.000 dong) Tj ET") =>
        HandMadePdf.Append(signed, new Dictionary<int, string>
        {
            [2] = "<< /Type /Pages /Kids [3 0 R 8 0 R] /Count 2 >>",
            [8] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 9 0 R >>",
            [9] = $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
        });

    /// <summary>
    /// Signature wrapping (PDF-Insecurity SWA): the /Contents hex is cut short and closed, a new page
    /// content object is written into the rest of the unsigned gap, and an appended cross-reference
    /// section points object 5 there. The two signed ranges are untouched, so the digest still matches.
    /// </summary>
    public static byte[] WithObjectWrappedIntoTheGap(byte[] signed, string text = "BT /F1 14 Tf 72 760 Td (So 15/QD-UBND: phe duyet du toan 9.000.000 dong) Tj ET")
    {
        var (start, end) = HandMadePdf.SignedGap(signed);
        var file = System.Text.Encoding.Latin1.GetString(signed);
        var hex = file[(start + 1)..(end - 1)].TrimEnd('0');
        hex = hex.PadRight(hex.Length + hex.Length % 2, '0');
        var wrapped = $"<{hex}> >>\nendobj\n5 0 obj\n<< /Length {text.Length} >>\nstream\n{text}\nendstream\nendobj\n";
        var objectAt = start + wrapped.IndexOf("5 0 obj", StringComparison.Ordinal);
        var bytes = (byte[])signed.Clone();
        System.Text.Encoding.Latin1.GetBytes(wrapped.PadRight(end - start)).CopyTo(bytes, start);
        var previous = file[(file.LastIndexOf("startxref", StringComparison.Ordinal) + 9)..file.LastIndexOf("%%EOF", StringComparison.Ordinal)].Trim();
        var update = $"xref\n5 1\n{objectAt:D10} 00000 n \ntrailer\n<< /Size 8 /Root 1 0 R /Prev {previous} /ID [<0102030405060708> <0102030405060708>] >>\nstartxref\n{bytes.Length}\n%%EOF\n";
        return [.. bytes, .. System.Text.Encoding.Latin1.GetBytes(update)];
    }

    /// <summary>A later revision that takes the signed field out of the form and off the page: the signature is hidden.</summary>
    public static byte[] WithSignatureHidden(byte[] signed) => HandMadePdf.Append(signed, new Dictionary<int, string>
    {
        [1] = "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>",
        [3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    });
}
