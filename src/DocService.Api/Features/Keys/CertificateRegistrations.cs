using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Keys;

/// <summary>What registering a certificate by an admin and binding one by its official share.</summary>
public sealed class CertificateRegistrations(DocServiceDb db, SignerCertificates signerCertificates, TimeProvider clock)
{
    /// <summary>
    /// Checks <paramref name="chain"/>[0] as a signing certificate of the organ (trusted, valid, allows signing, not
    /// revoked) and records it for the owner; a certificate registered already in the organ is a 409.
    /// </summary>
    public async Task<CertificateRegistration> AddAsync(string organId, KeyOwnerKind ownerKind, string ownerId, IReadOnlyList<X509Certificate2> chain,
        CertificateRegistrationStatus status, string registeredBy, CancellationToken ct)
    {
        var certificate = chain[0];
        await signerCertificates.EnsureTrustedAsync(organId, chain, ct);
        var thumbprint = SignerCertificates.Thumbprint(certificate);
        if (await db.CertificateRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.OrganId == organId && r.Thumbprint == thumbprint, ct) is { } existing)
            throw new ApiException(409, "certificate.registered",
                $"This certificate is already registered to {(existing.OwnerKind == KeyOwnerKind.Organ ? "the organ's seal" : existing.OwnerId)} ({existing.Status}).");
        var now = clock.GetUtcNow();
        var registration = new CertificateRegistration
        {
            Id = Guid.CreateVersion7(),
            OrganId = organId,
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            Thumbprint = thumbprint,
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            SerialNumber = certificate.SerialNumber,
            NotBefore = certificate.NotBefore.ToUniversalTime(),
            NotAfter = certificate.NotAfter.ToUniversalTime(),
            Certificate = certificate.RawData,
            Intermediates = RemoteSigning.Concatenate(chain.Skip(1)),
            Status = status,
            RegisteredBy = registeredBy,
            RegisteredAt = now,
            ApprovedBy = status == CertificateRegistrationStatus.Active ? registeredBy : null,
            ApprovedAt = status == CertificateRegistrationStatus.Active ? now : null,
        };
        db.CertificateRegistrations.Add(registration);
        return registration;
    }

    public async Task<CertificateRegistration> FindAsync(string organId, Guid id, CancellationToken ct) =>
        await db.CertificateRegistrations.SingleOrDefaultAsync(r => r.OrganId == organId && r.Id == id, ct)
        ?? throw ApiException.NotFound($"Certificate registration {id}");
}
