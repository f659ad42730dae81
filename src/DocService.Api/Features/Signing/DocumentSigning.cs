using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Persistence;
using DocService.Pdf.Document;
using DocService.Signing;
using DocService.Signing.Keys;
using DocService.Signing.Pades;
using Microsoft.EntityFrameworkCore;
using DocService.Api.Infrastructure.Telemetry;

namespace DocService.Api.Features.Signing;

/// <summary>
/// What the leader's signature and the clerk's issue step share: finding the key and image of the
/// official or organ, drawing the appearance into the field's widget, signing the current revision
/// into a temporary file, and storing the result as the next revision.
/// </summary>
public sealed class DocumentSigning(DocServiceDb db, RevisionStore revisions, KeyVault vault, PadesSigner signer, TimeProvider clock,
    Infrastructure.Timestamps.DocumentLevels levels)
{
    public async Task<ISigner> KeyOfAsync(string organId, KeyOwnerKind kind, string ownerId, Guid? keyId, CancellationToken ct)
    {
        // An organ whose key is kept in an HSM or on a token signs with it; the PIN stays in configuration.
        if (kind == KeyOwnerKind.Organ && keyId is null)
        {
            try
            {
                if (vault.Pkcs11SignerFor(organId) is { } token)
                    return token;
            }
            catch (Pkcs11KeyException unavailable)
            {
                throw new ApiException(503, DocServiceExceptionHandler.TokenUnavailable, "The organisation's PKCS#11 key cannot be used: " + unavailable.Message);
            }
        }
        var now = clock.GetUtcNow();
        var keys = await db.SigningKeys.AsNoTracking()
            .Where(k => k.OrganId == organId && k.OwnerKind == kind && k.OwnerId == ownerId)
            .ToListAsync(ct);
        var key = keyId is { } id
            ? keys.SingleOrDefault(k => k.Id == id) ?? throw ApiException.NotFound($"Signing key {id}")
            : keys.Where(k => k.NotBefore <= now && k.NotAfter > now).MaxBy(k => k.NotAfter)
              ?? throw new ApiException(422, "signature.no_key",
                  kind == KeyOwnerKind.User ? $"No valid signing key is held for {ownerId}." : "No valid organisation key is held for this organ.");
        return vault.SignerFor(key);
    }

    public async Task<byte[]?> ImageOfAsync(string organId, KeyOwnerKind kind, string ownerId, OwnerImageKind imageKind, CancellationToken ct) =>
        await db.OwnerImages.AsNoTracking()
            .Where(i => i.OrganId == organId && i.OwnerKind == kind && i.OwnerId == ownerId && i.Kind == imageKind)
            .Select(i => i.Png)
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Signs the document's current revision. <paramref name="describe"/> sees the PDF (its fields
    /// and their widgets) and says how to sign it; the signed bytes become the next revision.
    /// </summary>
    public async Task SignCurrentRevisionAsync(
        Document document, ISigner key, Func<PdfDocument, PadesSignatureOptions> describe, string author, string reason, CancellationToken ct)
    {
        await using var input = await revisions.OpenAsync(document.CurrentRevision, ct);
        var options = describe(PdfDocument.Open(input));
        input.Position = 0;
        using var operation = DocServiceTelemetry.Start("sign", DocServiceTelemetry.Signatures, DocServiceTelemetry.SignatureDuration).Tag("level", options.Level.ToString());

        await using var output = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            if (options.Level >= PadesLevel.BLT)
            {
                // B-LT and B-LTA: a B-T signature first, then the validation data and archive timestamp.
                await using var timestamped = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await signer.SignAsync(input, timestamped, key, options with { Level = PadesLevel.BT }, ct);
                timestamped.Position = 0;
                await (await levels.ExtenderAsync(document.OrganId, ct)).ExtendAsync(timestamped, output, options.Level, ct);
            }
            else
            {
                await signer.SignAsync(input, output, key, options, ct);
            }
        }
        catch (SignatureNotPermittedException refused)
        {
            throw new ApiException(422, refused.Code, refused.Message);
        }
        output.Position = 0;
        await revisions.AddAsync(document, output, author, reason, clock.GetUtcNow(), ct);
        operation.Succeeded();
    }

    /// <summary>The widget rectangle of a field the document must already have (created at drafting, or added to an upload).</summary>
    public static DocService.Pdf.Objects.PdfRectangle RectOf(PdfDocument pdf, string fieldName) =>
        pdf.Fields.FirstOrDefault(f => f.FullName == fieldName)?.Widgets.FirstOrDefault()?.Rect
        ?? throw new ApiException(422, "signature.field_missing",
            $"The document has no '{fieldName}' field: drafted documents have it; for an uploaded PDF, add the issue fields first.");

    /// <summary>Renders an appearance into memory, ready to be drawn into a widget (appearances are a few kilobytes).</summary>
    public static MemoryStream Draw(Action<Stream> render)
    {
        var buffer = new MemoryStream();
        render(buffer);
        buffer.Position = 0;
        return buffer;
    }
}
