using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Signing;

/// <summary>
/// The printed signer is the one who signs: a structured draft prints a name under the signature, and the
/// leader's signature goes there only when that name is the signing official's — the name on the certificate
/// that signs, or the one the organ's admin recorded for the official. An uploaded PDF prints what it prints;
/// its register row takes the signer from the signature instead (<see cref="Document.MarkSigned"/>).
/// </summary>
public static class PrintedSigner
{
    public static async Task EnsureSignerIsPrintedAsync(DocServiceDb db, Document document, string userName, X509Certificate2 certificate, CancellationToken ct)
    {
        if (document.DraftJson is null || document.SignerFullName is not { Length: > 0 } printed)
            return;
        var onCertificate = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var recorded = await db.Officials.AsNoTracking()
            .Where(o => o.OrganId == document.OrganId && o.UserName == userName)
            .Select(o => o.FullName)
            .SingleOrDefaultAsync(ct);
        if (VietnameseText.SameName(printed, onCertificate) || VietnameseText.SameName(printed, recorded))
            return;
        throw new ApiException(422, "signature.signer_mismatch",
            $"The draft prints \"{printed}\" as the signer, but {userName} signs as \"{onCertificate}\""
            + (recorded is null ? "" : $" (recorded as \"{recorded}\")") + ": redraft the signer block with the name of who signs.");
    }
}
