using DocService.Api.Domain.Keys;

namespace DocService.Api.Features.Keys;

/// <summary>What may be shown of a held key: its certificate, never its material.</summary>
public sealed record KeyResponse(
    Guid Id, KeyOwnerKind OwnerKind, string OwnerId, string Subject, string Issuer, string SerialNumber,
    string Thumbprint, string KeyAlgorithm, DateTimeOffset NotBefore, DateTimeOffset NotAfter, DateTimeOffset CreatedAt)
{
    public static KeyResponse From(SigningKey k) => new(
        k.Id, k.OwnerKind, k.OwnerId, k.Subject, k.Issuer, k.SerialNumber, k.Thumbprint, k.KeyAlgorithm, k.NotBefore, k.NotAfter, k.CreatedAt);
}
