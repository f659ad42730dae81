using System.Globalization;
using DocService.Pdf.Objects;
using DocService.Pdf.Writing;

namespace DocService.Signing.Pades;

/// <summary>The signature dictionary (§12.8.1) with the ByteRange and Contents placeholders the signer fills in place.</summary>
internal static class SignatureDictionary
{
    public const string ByteRangeKey = "ByteRange";
    public const string ContentsKey = "Contents";

    public static PdfDictionary Build(PadesSignatureOptions options, PdfArray? references)
    {
        if (options.SubFilter == PadesSubFilter.EtsiRfc3161)
        {
            // ISO 32000-2 §12.8.5: the token's genTime is the time; /M, /Name and the like do not apply.
            return PdfDictionary.Of(
                ("Type", new PdfName("DocTimeStamp")),
                ("Filter", new PdfName("Adobe.PPKLite")),
                ("SubFilter", new PdfName("ETSI.RFC3161")),
                ("ByteRange", PdfPlaceholder.ByteRange(ByteRangeKey)),
                ("Contents", PdfPlaceholder.HexString(ContentsKey, options.ReservedContentsBytes)));
        }
        var entries = new List<(string, PdfObject)>
        {
            ("Type", new PdfName("Sig")),
            ("Filter", new PdfName("Adobe.PPKLite")),
            ("SubFilter", new PdfName(options.SubFilter == PadesSubFilter.EtsiCadesDetached ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached")),
            ("ByteRange", PdfPlaceholder.ByteRange(ByteRangeKey)),
            ("Contents", PdfPlaceholder.HexString(ContentsKey, options.ReservedContentsBytes)),
            ("M", PdfString.FromText(PdfDate(options.SigningTime))),
        };
        if (options.SignerName is { } name)
            entries.Add(("Name", PdfString.FromText(name)));
        if (options.Reason is { } reason)
            entries.Add(("Reason", PdfString.FromText(reason)));
        if (options.Location is { } location)
            entries.Add(("Location", PdfString.FromText(location)));
        if (options.ContactInfo is { } contact)
            entries.Add(("ContactInfo", PdfString.FromText(contact)));
        if (references is not null)
            entries.Add(("Reference", references));
        return PdfDictionary.Of(entries);
    }

    /// <summary>A certification reference: DocMDP with the permissions later revisions keep to.</summary>
    public static PdfDictionary DocMdpReference(DocMdpPermission permission) => PdfDictionary.Of(
        ("Type", new PdfName("SigRef")),
        ("TransformMethod", new PdfName("DocMDP")),
        ("TransformParams", PdfDictionary.Of(
            ("Type", new PdfName("TransformParams")),
            ("P", new PdfInteger((int)permission)),
            ("V", new PdfName("1.2")))));

    /// <summary>A FieldMDP reference carrying a field's /Lock, so the lock takes effect with the signature.</summary>
    public static PdfDictionary FieldMdpReference(PdfDictionary fieldLock) => PdfDictionary.Of(
        ("Type", new PdfName("SigRef")),
        ("TransformMethod", new PdfName("FieldMDP")),
        ("TransformParams", fieldLock.Without(PdfName.Type)
            .With(PdfName.Type, new PdfName("TransformParams"))
            .With("V", new PdfName("1.2"))));

    /// <summary>A PDF date (§7.9.4): D:YYYYMMDDHHmmSS+HH'mm'.</summary>
    public static string PdfDate(DateTimeOffset at)
    {
        var offset = at.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return at.ToString("'D:'yyyyMMddHHmmss", CultureInfo.InvariantCulture) + $"{sign}{magnitude.Hours:00}'{magnitude.Minutes:00}'";
    }
}
