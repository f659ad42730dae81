using System.Security.Cryptography.X509Certificates;
using DocService.Pdf;

namespace DocService.Signing.Validation;

/// <summary>What a validation trusts and may do. Immutable; one instance can serve every request.</summary>
public sealed record ValidationOptions
{
    /// <summary>Roots (or other anchors) a chain must end at: VGCA, NEAC, uploaded ones.</summary>
    public IReadOnlyList<X509Certificate2> TrustAnchors { get; init; } = [];

    /// <summary>Intermediate CA certificates offered to chain building besides those in the CMS and the DSS.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; init; } = [];

    /// <summary>Validate as of this time (the auditor's "--at"); null means now, from <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? ValidationTime { get; init; }

    public RevocationPolicy Revocation { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public PdfLimits Limits { get; init; } = PdfLimits.Default;
}

/// <summary>Where revocation data may come from and what counts as usable.</summary>
public sealed record RevocationPolicy
{
    /// <summary>Fetch OCSP responses and CRLs from the URLs in the certificates when the document lacks them.</summary>
    public bool FetchOnline { get; init; }

    /// <summary>
    /// Per attempt; a slow responder makes the result INDETERMINATE, not a hang. Transient failures are tried
    /// again (<see cref="Http.ServiceCallResilience"/>), within <see cref="Http.ServiceCallResilience.Budget"/>.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old revocation data may be: an OCSP response or CRL whose thisUpdate is older than this
    /// (relative to the time it must speak for) and which has no usable nextUpdate is stale.
    /// </summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Tolerance for clocks: thisUpdate may be this far in the future.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Send a nonce in OCSP requests and require it back.</summary>
    public bool UseNonce { get; init; } = true;

    /// <summary>Prefer OCSP over CRLs when both are available.</summary>
    public bool PreferOcsp { get; init; } = true;

    /// <summary>
    /// Replaces URLs found in certificates before fetching (e.g. a test's responder on another
    /// port); keys and values are absolute URLs.
    /// </summary>
    public IReadOnlyDictionary<string, string> UrlOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The HTTP client to fetch with, its resilience already configured; null creates one per validator
    /// with <see cref="Http.ServiceCallResilience"/>.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Fetched answers kept until their nextUpdate; null fetches every time.</summary>
    public Revocation.RevocationCache? Cache { get; init; }

    /// <summary>
    /// SHA-256 thumbprints (hex, any case) of trust anchors configured as not needing revocation: a closed PKI
    /// whose certificates name no OCSP responder and no CRL. Under any other anchor a certificate that names
    /// neither has unknown revocation status, so its signature is INDETERMINATE, never passed.
    /// </summary>
    public IReadOnlySet<string> AnchorsWithoutRevocation { get; init; } = new HashSet<string>();
}
