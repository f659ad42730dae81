namespace DocService.Api.Domain.Keys;

/// <summary>Whether a registered certificate may sign yet.</summary>
public enum CertificateRegistrationStatus
{
    /// <summary>Bound by the official themself (with proof of the key); waits for an admin's approval.</summary>
    Pending,

    /// <summary>Registered by an admin, or approved: the owner may sign with it.</summary>
    Active,
}

/// <summary>
/// A certificate registered to whom it belongs: an official (their USB token's or remote-signing certificate) or the
/// organ (its seal). A three-step session signs only with a certificate registered, and active, for whoever signs:
/// the signer's own for the leader's signature, the organ's for the clerk's seal. One owner per certificate in an organ.
/// </summary>
public sealed class CertificateRegistration
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public KeyOwnerKind OwnerKind { get; init; }
    public string OwnerId { get; init; } = "";

    /// <summary>SHA-256 of the DER certificate, hex upper case.</summary>
    public string Thumbprint { get; init; } = "";

    public string Subject { get; init; } = "";
    public string Issuer { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset NotAfter { get; init; }
    public byte[] Certificate { get; init; } = [];

    /// <summary>
    /// The intermediates registered with it (concatenated DER): a token often holds the official's certificate
    /// alone, so the chain to the organ's anchors is built with these too.
    /// </summary>
    public byte[] Intermediates { get; init; } = [];
    public CertificateRegistrationStatus Status { get; set; }
    public string RegisteredBy { get; init; } = "";
    public DateTimeOffset RegisteredAt { get; init; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
}
