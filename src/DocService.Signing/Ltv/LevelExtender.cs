using DocService.Pdf.Document;
using DocService.Signing.Pades;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Pdf;
using Org.BouncyCastle.Asn1.Pkcs;

namespace DocService.Signing.Ltv;

/// <summary>
/// Raises the signatures of a signed PDF to a PAdES level, each step an incremental update that
/// leaves every earlier byte alone: B-T adds a document timestamp when some signature has no
/// timestamp yet; B-LT adds the validation data (DSS) for every signature and timestamp; B-LTA
/// then stamps the whole document. Extending a B-LTA file again renews its archive timestamp.
/// </summary>
public sealed class LevelExtender(DocumentTimestamper timestamper, LtvExtender ltv)
{
    public async Task<LtvResult?> ExtendAsync(Stream input, Stream output, PadesLevel target, CancellationToken ct)
    {
        if (target == PadesLevel.BB)
            throw new ArgumentOutOfRangeException(nameof(target), target, "B-B is where signing starts; extend to B-T, B-LT or B-LTA.");
        var steps = new List<Func<Stream, Stream, Task>>();
        LtvResult? ltvResult = null;
        if (NeedsTimestamp(input))
            steps.Add((from, to) => timestamper.StampAsync(from, to, ct));
        if (target >= PadesLevel.BLT)
            steps.Add(async (from, to) => ltvResult = await ltv.AddValidationDataAsync(from, to, ct));
        if (target == PadesLevel.BLTA)
            steps.Add((from, to) => timestamper.StampAsync(from, to, ct));

        if (steps.Count == 0)
        {
            input.Position = 0;
            await input.CopyToAsync(output, ct);
            return null;
        }
        var scratch = new List<FileStream>();
        try
        {
            var current = input;
            for (var i = 0; i < steps.Count; i++)
            {
                var next = i == steps.Count - 1 ? output : TemporaryFile.Create();
                if (next is FileStream file && next != output)
                    scratch.Add(file);
                await steps[i](current, next);
                current = next;
            }
        }
        finally
        {
            foreach (var file in scratch)
                await file.DisposeAsync();
        }
        return ltvResult;
    }

    /// <summary>Some signature has neither a signature timestamp nor a document timestamp after it.</summary>
    static bool NeedsTimestamp(Stream input)
    {
        var document = PdfDocument.Open(input);
        var snapshots = new RevisionSnapshots(input, document, document.Limits);
        var found = SignatureLocator.FindAll(input, snapshots, []).Where(s => s.PresentAtEnd).ToList();
        var signatures = found.Where(s => !s.IsDocumentTimestamp).ToList();
        if (signatures.Count == 0)
            throw new SignatureNotPermittedException("signature.not_signed", "The document has no signature to extend.");
        var lastDocumentTimestamp = found.Where(s => s.IsDocumentTimestamp).Select(s => s.FirstRevision).DefaultIfEmpty(0).Max();
        return signatures.Any(s => s.FirstRevision >= lastDocumentTimestamp && !HasSignatureTimestamp(s));
    }

    static bool HasSignatureTimestamp(EmbeddedSignature signature)
    {
        try
        {
            return signature.Contents is { Length: > 0 } contents
                   && CmsSignedData.Parse(contents).UnsignedAttributeValues(PkcsObjectIdentifiers.IdAASignatureTimeStampToken).Any();
        }
        catch (CmsFormatException)
        {
            return false;
        }
    }
}
