using DocService.Pdf.Document;
using DocService.Signing.Pades;
using DocService.Signing.Timestamps;

namespace DocService.Signing.Ltv;

/// <summary>
/// Adds a document timestamp (ISO 32000-2 §12.8.5, PAdES B-LTA): a new invisible field whose
/// /DocTimeStamp dictionary holds an RFC 3161 token over the ByteRange, written through the same
/// prepare/embed steps as a signature. It covers every byte before it, DSS included.
/// </summary>
public sealed class DocumentTimestamper(ITimestampClient tsa)
{
    /// <summary>A token with the TSA's chain is 5–8 KiB; room to spare for a larger TSA chain.</summary>
    public const int ReservedContentsBytes = 16 * 1024;

    public async Task<PreparedPdfSignature> StampAsync(Stream input, Stream output, CancellationToken ct, string? fieldName = null)
    {
        var options = new PadesSignatureOptions
        {
            FieldName = fieldName ?? FreeFieldName(PdfDocument.Open(input)),
            SubFilter = PadesSubFilter.EtsiRfc3161,
            ReservedContentsBytes = ReservedContentsBytes,
        };
        var prepared = PdfSignaturePreparer.Prepare(input, output, options);
        var token = await tsa.StampAsync(prepared.Digest, prepared.DigestAlgorithm, ct).ConfigureAwait(false);
        PdfSignaturePreparer.Embed(output, prepared, token);
        return prepared;
    }

    static string FreeFieldName(PdfDocument document)
    {
        var taken = document.Fields.Select(f => f.FullName).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            if (!taken.Contains($"DocTimeStamp{n}"))
                return $"DocTimeStamp{n}";
        }
    }
}
