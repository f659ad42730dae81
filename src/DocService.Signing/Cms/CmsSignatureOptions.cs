namespace DocService.Signing.Cms;

/// <summary>Choices that change the signed attributes.</summary>
public sealed record CmsSignatureOptions
{
    public static CmsSignatureOptions Default { get; } = new();

    /// <summary>
    /// Adds the signing-time attribute. Turn it off when a signature timestamp will be added: the
    /// timestamp is then the trusted time, and PAdES baseline (EN 319 142-1) carries the claimed
    /// time in the signature dictionary's /M instead.
    /// </summary>
    public bool IncludeSigningTime { get; init; } = true;

    /// <summary>The claimed signing time; when null the builder's <see cref="TimeProvider"/> is asked.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>
    /// True for SubFilter ETSI.CAdES.detached, false for adbe.pkcs7.detached. Both are the same
    /// detached CMS; signing-certificate-v2 is kept in both because it is harmless in the second.
    /// </summary>
    public bool Pades { get; init; } = true;
}
