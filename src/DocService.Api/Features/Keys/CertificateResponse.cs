using DocService.Api.Domain.Keys;

namespace DocService.Api.Features.Keys;

/// <summary>A registered certificate: whose it is, which it is, and whether it may sign yet.</summary>
public sealed record CertificateResponse(
    Guid Id, KeyOwnerKind OwnerKind, string OwnerId, string Subject, string Issuer, string SerialNumber, string Thumbprint,
    DateTimeOffset NotBefore, DateTimeOffset NotAfter, CertificateRegistrationStatus Status, string RegisteredBy, DateTimeOffset RegisteredAt,
    string? ApprovedBy, DateTimeOffset? ApprovedAt)
{
    public static CertificateResponse From(CertificateRegistration r) => new(
        r.Id, r.OwnerKind, r.OwnerId, r.Subject, r.Issuer, r.SerialNumber, r.Thumbprint, r.NotBefore, r.NotAfter, r.Status,
        r.RegisteredBy, r.RegisteredAt, r.ApprovedBy, r.ApprovedAt);
}
