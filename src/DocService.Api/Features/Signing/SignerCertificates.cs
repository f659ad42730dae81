using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain.Keys;
using DocService.Api.Domain.Signing;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Validation;
using DocService.Signing.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Signing;

/// <summary>
/// Whether a certificate the service only sees (a USB token's, a remote-signing service's) may sign for someone:
/// it must chain to what the organ trusts, be valid now, allow signing, not be revoked — revocation that cannot be
/// obtained refuses with 503, never signs — and be registered, and active, for whoever signs. Checked when a session
/// opens and again before its signature is stored; an official's certificate is checked the same way when registered.
/// </summary>
public sealed class SignerCertificates(DocServiceDb db, ValidationSetup validation, TimeProvider clock)
{
    /// <summary>The chain, validity, key usage and revocation of <paramref name="certificates"/>[0] for <paramref name="organId"/>, now.</summary>
    public async Task EnsureTrustedAsync(string organId, IReadOnlyList<X509Certificate2> certificates, CancellationToken ct)
    {
        var signer = certificates[0];
        var now = clock.GetUtcNow();
        var name = signer.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (signer.NotBefore > now.UtcDateTime || signer.NotAfter <= now.UtcDateTime)
            throw new ApiException(422, "signature.certificate_not_valid_now",
                $"The certificate of {signer.Subject} is valid from {signer.NotBefore:O} to {signer.NotAfter:O}, not now.");

        var validator = await validation.ValidatorAsync(organId, ct);
        var result = await validator.ValidateCertificateAsync(signer, certificates.Skip(1), now, ct);
        if (!result.KeyUsageValid)
            throw new ApiException(422, "signature.certificate_not_for_signing",
                $"The certificate of {name} does not allow signing (key usage digitalSignature or nonRepudiation): {string.Join(" ", result.Reasons)}");
        if (result.Trust != TrustStatus.Trusted)
            throw new ApiException(422, "signature.certificate_untrusted",
                $"The certificate of {name} does not chain to a root this organ trusts: {string.Join(" ", result.Reasons)}");
        switch (result.Revocation.Status)
        {
            case RevocationStatus.Good:
                return;
            case RevocationStatus.Revoked:
                throw new ApiException(422, "signature.certificate_revoked", $"The certificate of {name} is revoked: {string.Join("; ", result.Revocation.Reasons)}");
            default:
                throw new ApiException(503, DocService.Signing.Ltv.RevocationUnavailableException.Code,
                    $"Whether the certificate of {name} is revoked cannot be known now, so it does not sign: "
                    + string.Join("; ", result.Revocation.Reasons.Concat(result.Revocation.Certificates.SelectMany(c => c.Problems))));
        }
    }

    /// <summary>
    /// Everything above for a session's step: the leader signs (Approve) with their own registered certificate, the
    /// clerk issues with the organ's seal certificate. The intermediates registered with the certificate help build its chain.
    /// </summary>
    public async Task EnsureMaySignAsync(CurrentUser user, SigningStep step, IReadOnlyList<X509Certificate2> certificates, CancellationToken ct)
    {
        var organ = user.Organ.Value;
        var (ownerKind, ownerId) = step == SigningStep.Approve ? (KeyOwnerKind.User, user.UserName) : (KeyOwnerKind.Organ, organ);
        var thumbprint = Thumbprint(certificates[0]);
        var registration = await db.CertificateRegistrations.AsNoTracking()
            .SingleOrDefaultAsync(r => r.OrganId == organ && r.Thumbprint == thumbprint, ct);
        IReadOnlyList<X509Certificate2> registered = registration is null ? [] : RemoteSigning.Certificates(registration.Intermediates);
        await EnsureTrustedAsync(organ, [.. certificates, .. registered], ct);

        var name = certificates[0].GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var whose = ownerKind == KeyOwnerKind.Organ ? "the organ's seal" : ownerId;
        if (registration is null)
            throw new ApiException(422, "signature.certificate_not_registered",
                $"The certificate of {name} ({thumbprint}) is not registered for {whose}: an admin registers it (POST /api/v1/admin/certificates)"
                + (ownerKind == KeyOwnerKind.User ? ", or the official binds it with proof of the key (POST /api/v1/me/certificates) for an admin to approve." : "."));
        if (registration.OwnerKind != ownerKind || registration.OwnerId != ownerId)
            throw new ApiException(422, "signature.certificate_of_another_owner",
                $"The certificate of {name} is registered to {(registration.OwnerKind == KeyOwnerKind.Organ ? "the organ's seal" : registration.OwnerId)}, not to {whose}.");
        if (registration.Status != CertificateRegistrationStatus.Active)
            throw new ApiException(422, "signature.certificate_pending_approval",
                $"The certificate of {name} was bound by {ownerId} on {registration.RegisteredAt:O} and waits for an admin's approval.");
    }

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
