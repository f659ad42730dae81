namespace DocService.Api.Domain.Keys;

/// <summary>
/// A PKCS#12 the service holds for an official or an organ. The key material is sealed with
/// AES-GCM under a key from configuration and bound to its owner; only certificate details are
/// ever shown.
/// </summary>
public sealed class SigningKey
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public KeyOwnerKind OwnerKind { get; init; }
    public string OwnerId { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Issuer { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string Thumbprint { get; init; } = "";
    public string KeyAlgorithm { get; init; } = "";
    public DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset NotAfter { get; init; }
    /// <summary>Settable so rotating the protection key can seal it again (ResealKeys).</summary>
    public byte[] SealedPkcs12 { get; set; } = [];
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The owner id the sealed blob is bound to: a blob moved to another owner does not open.</summary>
    public string SealingOwner => SealingOwnerFor(OrganId, OwnerKind, OwnerId);

    public static string SealingOwnerFor(string organId, KeyOwnerKind kind, string ownerId) => $"{organId}/{kind}/{ownerId}";
}
