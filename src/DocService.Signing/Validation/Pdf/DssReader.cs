using DocService.Pdf;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Signing.Validation.Pdf;

/// <summary>The Document Security Store (ISO 32000-2 §12.8.4.3): validation data added for later verification.</summary>
internal sealed record DocumentSecurityStore(IReadOnlyList<byte[]> Certificates, IReadOnlyList<byte[]> OcspResponses, IReadOnlyList<byte[]> Crls)
{
    public static DocumentSecurityStore Empty { get; } = new([], [], []);

    public bool IsEmpty => Certificates.Count == 0 && OcspResponses.Count == 0 && Crls.Count == 0;
}

internal static class DssReader
{
    const int MaxEntries = 10_000;

    /// <summary>The DSS of <paramref name="document"/>; empty when there is none or it cannot be read.</summary>
    public static DocumentSecurityStore Read(PdfDocument? document)
    {
        if (document is null)
            return DocumentSecurityStore.Empty;
        try
        {
            if (document.Get<PdfDictionary>(document.Catalog, new PdfName("DSS")) is not { } dss)
                return DocumentSecurityStore.Empty;
            return new(Streams(document, dss, "Certs"), Streams(document, dss, "OCSPs"), Streams(document, dss, "CRLs"));
        }
        catch (PdfException)
        {
            return DocumentSecurityStore.Empty;
        }
    }

    static List<byte[]> Streams(PdfDocument document, PdfDictionary dss, string key)
    {
        var result = new List<byte[]>();
        foreach (var entry in (document.Get<PdfArray>(dss, new PdfName(key)) ?? PdfArray.Empty).Take(MaxEntries))
        {
            try
            {
                if (document.Resolve(entry) is PdfStream stream)
                    result.Add(document.DecodeStream(stream));
            }
            catch (PdfException)
            {
                // one unreadable entry does not spoil the others
            }
        }
        return result;
    }
}
