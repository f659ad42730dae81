using System.Security.Cryptography.X509Certificates;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Persistence;
using DocService.Signing.Validation;
using DocService.Signing.Validation.Revocation;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Validation;

/// <summary>
/// What the service trusts when it validates for an organ: the platform set of anchors and the organ's own (never
/// another organ's), and — in Development only — the development root from certs-dev. Revocation is fetched online unless configured off;
/// unavailable revocation makes a signature INDETERMINATE, never passed. In Development the revocation URLs certs-dev
/// names are fetched from the service's own address (<see cref="DevelopmentCa"/>), whatever port it listens on.
/// </summary>
public sealed class ValidationSetup(
    DocServiceDb db, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, OwnAddress ownAddress,
    IHttpClientFactory http, RevocationCache revocationCache, DevelopmentCa? developmentCa = null)
{
    /// <summary>The HttpClient OCSP and CRL fetches go through (its failures are counted as the <c>revocation</c> dependency).</summary>
    public const string RevocationHttpClient = "revocation";

    /// <summary>The validator for documents of <paramref name="organId"/>: what that organ trusts, and nothing any other organ added.</summary>
    public async Task<PdfSignatureValidator> ValidatorAsync(string organId, CancellationToken ct)
    {
        var stored = await db.TrustAnchors.AsNoTracking()
            .Where(a => a.OrganId == null || a.OrganId == organId)
            .Select(a => new { a.Certificate, a.Thumbprint, a.RevocationNotRequired })
            .ToListAsync(ct);
        var anchors = stored.Select(a => X509CertificateLoader.LoadCertificate(a.Certificate)).ToList();
        if (environment.IsDevelopment() && DemoSigningMaterial.FindCertsDev(environment.ContentRootPath) is { } certsDev)
            anchors.Add(X509CertificateLoader.LoadCertificateFromFile(Path.Combine(certsDev, "root.crt")));

        return new PdfSignatureValidator(new ValidationOptions
        {
            TrustAnchors = anchors,
            TimeProvider = clock,
            Revocation = new RevocationPolicy
            {
                FetchOnline = configuration.GetValue("Validation:FetchRevocation", true),
                Timeout = RevocationTimeout(configuration),
                UrlOverrides = await UrlOverridesAsync(ct),
                HttpClient = http.CreateClient(RevocationHttpClient),
                Cache = revocationCache,
                AnchorsWithoutRevocation = stored.Where(a => a.RevocationNotRequired).Select(a => a.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase),
            },
        });
    }

    /// <summary><c>Validation:RevocationTimeout</c>: how long one attempt to reach an OCSP responder or CRL server may take.</summary>
    public static TimeSpan RevocationTimeout(IConfiguration configuration) =>
        configuration.GetValue("Validation:RevocationTimeout", TimeSpan.FromSeconds(5));

    /// <summary>The configured overrides, and — with the development CA served here — its URLs onto this service.</summary>
    async Task<Dictionary<string, string>> UrlOverridesAsync(CancellationToken ct)
    {
        var overrides = UrlOverrides(configuration);
        if (developmentCa is not null && await ownAddress.GetAsync(ct) is { } own)
        {
            foreach (var url in developmentCa.CertificateUrls)
                overrides.TryAdd(url, new Uri(own, new Uri(url).PathAndQuery).ToString());
        }
        return overrides;
    }

    /// <summary>
    /// <c>Validation:UrlOverrides:{n}:From</c> and <c>:To</c>: fetch revocation named at one URL from another
    /// (a mirror, or a test responder on a free port). URLs hold colons, so they are values, not keys.
    /// </summary>
    static Dictionary<string, string> UrlOverrides(IConfiguration configuration) =>
        configuration.GetSection("Validation:UrlOverrides").GetChildren()
            .Where(entry => entry["From"] is { Length: > 0 } && entry["To"] is { Length: > 0 })
            .ToDictionary(entry => entry["From"]!, entry => entry["To"]!, StringComparer.Ordinal);
}
