using System.Security.Cryptography.X509Certificates;
using DocService.Api.Infrastructure.Persistence;
using DocService.Signing.Keys;
using DocService.Signing.Revocation;
using DocService.Signing.Validation.Revocation;

namespace DocService.Api.Infrastructure.Validation;

/// <summary>
/// The revocation services of certs-dev's issuing CA, which Development serves itself (<c>/api/v1/dev/ocsp</c> and
/// <c>/api/v1/dev/crl/issuing-ca.crl</c>): an OCSP responder signing with certs-dev/ocsp.p12 whose answers come from
/// the CA's CRL, and that CRL. The certificates name these paths on the default address; <see cref="CertificateUrls"/>
/// are what they name, which validation fetches from the address the service really listens on.
/// </summary>
public sealed class DevelopmentCa(OcspResponder responder, byte[] crl, IReadOnlyList<string> certificateUrls)
{
    /// <summary>certs-dev's published password for every key store.</summary>
    const string Password = "dev-password";

    public OcspResponder Responder => responder;

    /// <summary>certs-dev/issuing-ca.crl (DER).</summary>
    public byte[] Crl => crl;

    /// <summary>The OCSP and CRL URLs certs-dev's certificates name.</summary>
    public IReadOnlyList<string> CertificateUrls => certificateUrls;

    internal static DevelopmentCa Load(string certsDev, TimeProvider clock)
    {
        var issuer = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(certsDev, "issuing-ca.crt"));
        var issued = Directory.GetFiles(certsDev, "*.crt").Select(X509CertificateLoader.LoadCertificateFromFile).ToList();
        var crl = File.ReadAllBytes(Path.Combine(certsDev, "issuing-ca.crl"));
        var responder = new OcspResponder(new Pkcs12Signer(File.ReadAllBytes(Path.Combine(certsDev, "ocsp.p12")), Password),
            issuer, crl, issued, TimeSpan.FromDays(1), clock);
        var urls = issued.SelectMany(c => RevocationPointers.OcspUrls(c).Concat(RevocationPointers.CrlUrls(c))).Distinct().ToList();
        return new DevelopmentCa(responder, crl, urls);
    }
}

public static class DevelopmentCaSetup
{
    /// <summary>Served in Development, or when <c>Validation:DevelopmentRevocation</c> is true; never without certs-dev.</summary>
    public static IServiceCollection AddDevelopmentCa(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration.GetValue("Validation:DevelopmentRevocation", environment.IsDevelopment())
            && DemoSigningMaterial.FindCertsDev(environment.ContentRootPath) is { } certsDev)
            services.AddSingleton(sp => DevelopmentCa.Load(certsDev, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
