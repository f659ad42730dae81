namespace DocService.Signing.Keys;

/// <summary>Where a PKCS#11 key lives: the module, the token, the PIN, and which key on it.</summary>
public sealed record Pkcs11Options
{
    /// <summary>Path of the vendor's PKCS#11 module (e.g. /usr/lib/softhsm/libsofthsm2.so).</summary>
    public required string Module { get; init; }

    /// <summary>The token's label (CKA token info label, trailing blanks ignored); or give <see cref="Slot"/>.</summary>
    public string? TokenLabel { get; init; }

    /// <summary>The slot id, for tokens without a useful label.</summary>
    public ulong? Slot { get; init; }

    /// <summary>The user PIN, from configuration or a secret store; never logged.</summary>
    public required string Pin { get; init; }

    /// <summary>
    /// CKA_LABEL of the private key (and of its certificate unless <see cref="KeyId"/> links them). With
    /// neither label nor id, the token must hold exactly one private key and one certificate.
    /// </summary>
    public string? KeyLabel { get; init; }

    /// <summary>CKA_ID of the private key and its certificate, in hex; used when given.</summary>
    public string? KeyId { get; init; }

    /// <summary>
    /// PEM or DER of the signer's certificate when the token keeps none beside the key; intermediates
    /// may follow in the same PEM file.
    /// </summary>
    public string? CertificateFile { get; init; }

    /// <summary>RSA keys may choose PSS; when null, PKCS#1 v1.5 for RSA and ECDSA for EC keys.</summary>
    public SignatureAlgorithm? SignatureAlgorithm { get; init; }

    /// <summary>At most this many token sessions sign at once; more callers wait for a free one.</summary>
    public int MaxSessions { get; init; } = 4;
}
