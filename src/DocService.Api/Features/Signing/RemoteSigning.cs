using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Domain.Signing;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Pdf.Document;
using DocService.Pdf.Writing;
using DocService.Signing;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Signing;

/// <summary>
/// The server's two halves of the three-step flow (DESIGN §4, "external" key source): prepare the
/// signature revision and its signed attributes for a certificate the service only sees, keep what is
/// needed to finish it, and later embed a signature value made on the official's own token — after
/// checking it against exactly what was prepared.
/// </summary>
public sealed class RemoteSigning(IObjectStore store, RevisionStore revisions, CmsSignatureBuilder cms, TimeProvider clock,
    Infrastructure.Timestamps.DocumentLevels levels)
{
    /// <summary>What <see cref="PrepareAsync"/> fixed: everything a session row keeps.</summary>
    public sealed record Prepared(PreparedPdfSignature Pdf, PreparedSignature Cms, StoredObject Stored);

    /// <summary>
    /// Prepares the document's current revision for a signature by <paramref name="certificates"/>[0]
    /// and stores the prepared PDF under a key of this session alone (the store is write-once).
    /// </summary>
    public async Task<Prepared> PrepareAsync(
        Document document, Guid sessionId, IReadOnlyList<X509Certificate2> certificates, SignatureAlgorithm algorithm,
        Func<PdfDocument, PadesSignatureOptions> describe, CancellationToken ct)
    {
        await using var input = await revisions.OpenAsync(document.CurrentRevision, ct);
        var options = describe(PdfDocument.Open(input));
        input.Position = 0;

        await using var output = TemporaryFile();
        PreparedPdfSignature pdf;
        try
        {
            pdf = PdfSignaturePreparer.Prepare(input, output, options);
        }
        catch (SignatureNotPermittedException refused)
        {
            throw new ApiException(422, refused.Code, refused.Message);
        }
        var prepared = cms.Prepare(pdf.Digest, certificates[0], certificates.Skip(1).ToList(), options.DigestAlgorithm, algorithm,
            PadesSigner.CmsOptions(options));

        output.Position = 0;
        // Prepared bytes are a working copy, not a record: the shortest retention class is enough.
        var stored = await store.PutAsync(PreparedKey(document, sessionId), output, RetentionClass.Years5, ct);
        return new Prepared(pdf, prepared, stored);
    }

    /// <summary>
    /// Rebuilds the session's prepared signature (optionally with the other RSA padding: the padding is
    /// not among the signed attributes), takes the value or the complete CMS, verifies it with the
    /// certificate's public key over the prepared attributes, and stores the signed PDF as the next revision.
    /// At the session's level, as server-side signing does: above B-B the verified value gets its signature
    /// timestamp before embedding; B-LT and B-LTA are then extended with validation data (and the archive
    /// timestamp). Nothing is stored when the value does not verify, or when the TSA or revocation sources
    /// cannot be reached (the caller's transaction rolls back and the session stays usable).
    /// </summary>
    public async Task CompleteAsync(
        SigningSession session, Document document, byte[]? signatureValue, byte[]? completeCms, SignatureAlgorithm? algorithm,
        string author, string reason, CancellationToken ct)
    {
        var assembled = Assemble(session, signatureValue, completeCms, algorithm);
        var level = LevelOf(session);
        var digestAlgorithm = Enum.Parse<DigestAlgorithm>(session.DigestAlgorithm);
        if (level >= PadesLevel.BT)
        {
            var tsa = levels.Tsa ?? throw new ApiException(422, "signature.level_unavailable",
                $"The session was opened for {level}, but no timestamping authority is configured any more.");
            assembled = await SignatureTimestamps.AddAsync(assembled, tsa, digestAlgorithm, ct);
        }

        await using var prepared = await store.OpenReadAsync(session.PreparedKey, session.PreparedSha256, ct);
        await using var signed = TemporaryFile();
        await prepared.CopyToAsync(signed, ct);
        var pdf = new PreparedPdfSignature(
            [0, session.ByteRange1, session.ByteRange2, session.ByteRange3],
            new ByteSpan(session.ContentsOffset, session.ContentsLength),
            session.ContentDigest, digestAlgorithm);
        try
        {
            PdfSignaturePreparer.Embed(signed, pdf, assembled);
        }
        catch (ContentsTooSmallException e)
        {
            throw new ApiException(422, "signature.too_large", e.Message);
        }

        signed.Position = 0;
        if (level >= PadesLevel.BLT)
        {
            // B-LT and B-LTA: the B-T signature just embedded, then the validation data and archive timestamp.
            await using var extended = TemporaryFile();
            await (await levels.ExtenderAsync(document.OrganId, ct)).ExtendAsync(signed, extended, level, ct);
            extended.Position = 0;
            await revisions.AddAsync(document, extended, author, reason, clock.GetUtcNow(), ct);
        }
        else
        {
            await revisions.AddAsync(document, signed, author, reason, clock.GetUtcNow(), ct);
        }
    }

    /// <summary>
    /// The level the session was opened for. It travels in the session's audit payload (the signature's
    /// audit entry records it too); sessions without one were opened before levels were honoured: B-B.
    /// </summary>
    public static PadesLevel LevelOf(SigningSession session)
    {
        using var payload = JsonDocument.Parse(session.AuditPayloadJson);
        return payload.RootElement.TryGetProperty("Level", out var level) && level.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize<PadesLevel>(level.GetRawText())
            : PadesLevel.BB;
    }

    byte[] Assemble(SigningSession session, byte[]? signatureValue, byte[]? completeCms, SignatureAlgorithm? algorithm)
    {
        var certificates = Certificates(session.CertificatesDer);
        var chosen = algorithm ?? Enum.Parse<SignatureAlgorithm>(session.SignatureAlgorithm);
        if (!Accepted(certificates[0]).Contains(chosen))
            throw new ApiException(422, "signature.algorithm_unsupported", $"{chosen} cannot be used with the session's certificate.");
        var options = new PadesSignatureOptions { FieldName = "-", SigningTime = session.SigningTime };
        var rebuilt = cms.Prepare(session.ContentDigest, certificates[0], certificates.Skip(1).ToList(),
            Enum.Parse<DigestAlgorithm>(session.DigestAlgorithm), chosen, PadesSigner.CmsOptions(options));
        if (!rebuilt.DataToSign.Span.SequenceEqual(session.DataToSign))
            throw new InvalidOperationException($"Signing session {session.Id} no longer reproduces the signed attributes it handed out.");

        try
        {
            var value = signatureValue ?? ExternalCms.SignatureValueFor(rebuilt, completeCms!);
            return cms.Assemble(rebuilt, value);
        }
        catch (SignatureValueMismatchException mismatch)
        {
            throw new ApiException(422, "signature.value_mismatch", mismatch.Message);
        }
        catch (ExternalCmsMismatchException mismatch)
        {
            throw new ApiException(422, $"signature.{mismatch.Reason}", mismatch.Message);
        }
    }

    /// <summary>The algorithms a value may be made with for this certificate's key.</summary>
    public static IReadOnlyList<SignatureAlgorithm> Accepted(X509Certificate2 certificate) =>
        SignatureAlgorithmExtensions.DefaultFor(certificate) == SignatureAlgorithm.Ecdsa
            ? [SignatureAlgorithm.Ecdsa]
            : [SignatureAlgorithm.RsaPkcs1, SignatureAlgorithm.RsaPss];

    /// <summary>
    /// Reads the signer's certificate and its chain as the client sends them: each entry base64 DER or PEM
    /// (a PEM entry may hold several certificates). The signer comes first.
    /// </summary>
    public static List<X509Certificate2> ParseChain(IReadOnlyList<string> entries, string field = "certificateChain")
    {
        var certificates = new List<X509Certificate2>();
        try
        {
            foreach (var entry in entries)
            {
                if (entry.Contains("-----BEGIN", StringComparison.Ordinal))
                {
                    var collection = new X509Certificate2Collection();
                    collection.ImportFromPem(entry);
                    certificates.AddRange(collection);
                }
                else
                {
                    certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(entry.Trim())));
                }
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [field] = ["Each entry is a certificate in base64 DER or PEM: " + e.Message],
            });
        }
        if (certificates.Count == 0)
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = ["The signer's certificate is required."] });
        return certificates;
    }

    public static byte[] Concatenate(IEnumerable<X509Certificate2> certificates) =>
        certificates.SelectMany(c => c.RawData).ToArray();

    public static List<X509Certificate2> Certificates(byte[] concatenatedDer)
    {
        var certificates = new List<X509Certificate2>();
        var rest = new ReadOnlyMemory<byte>(concatenatedDer);
        while (!rest.IsEmpty)
        {
            AsnDecoder.ReadEncodedValue(rest.Span, AsnEncodingRules.DER, out _, out _, out var length);
            certificates.Add(X509CertificateLoader.LoadCertificate(rest.Span[..length]));
            rest = rest[length..];
        }
        return certificates;
    }

    /// <summary>
    /// Refuses a register number while a live three-step issue session holds the organ's outgoing register
    /// for that year (see <see cref="OpenSigningSession"/> for why the number is held rather than taken).
    /// Call it with the register's counter row locked, so holding and taking cannot interleave.
    /// </summary>
    public static async Task EnsureRegisterNotHeldAsync(DocServiceDb db, string organId, int year, Guid? exceptSession, DateTimeOffset now, CancellationToken ct)
    {
        var live = db.SigningSessions.AsNoTracking()
            .Where(s => s.OrganId == organId && s.Step == SigningStep.Issue && s.RegisterYear == year
                        && s.CompletedAt == null && s.ExpiresAt > now);
        if (exceptSession is { } except)
            live = live.Where(s => s.Id != except);
        var holder = await live
            .Select(s => new { s.DocumentId, s.UserName, s.RegisterNumber, s.ExpiresAt })
            .FirstOrDefaultAsync(ct);
        if (holder is not null)
            throw new ApiException(409, "register.held",
                $"Number {holder.RegisterNumber} of the outgoing register is held by {holder.UserName}'s signing session for document {holder.DocumentId} " +
                $"until it is completed or expires at {holder.ExpiresAt:O}.");
    }

    static string PreparedKey(Document document, Guid sessionId) =>
        $"organs/{document.OrganId}/signing-sessions/{sessionId:N}/prepared.pdf";

    static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
}
