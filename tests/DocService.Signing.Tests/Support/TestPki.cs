using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Keys;

namespace DocService.Signing.Tests.Support;

/// <summary>
/// Certificates made in the test: a rogue (or any other) root, and end-entity keys under it, with or without
/// revocation pointers. Nothing here is trusted unless a test makes it so.
/// </summary>
public sealed class TestCa : IDisposable
{
    const string Password = "test";

    readonly RSA _key;

    TestCa(X509Certificate2 certificate, RSA key)
    {
        Certificate = certificate;
        _key = key;
    }

    /// <summary>The CA's certificate, without its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public byte[] Pem => System.Text.Encoding.ASCII.GetBytes(Certificate.ExportCertificatePem());

    /// <summary>A self-signed root; <paramref name="certificateAuthority"/> false makes a leaf that only looks like one.</summary>
    public static TestCa Create(string commonName, bool certificateAuthority = true)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Test PKI, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            certificateAuthority ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var withKey = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        return new TestCa(X509CertificateLoader.LoadCertificate(withKey.RawData), key);
    }

    /// <summary>
    /// An end-entity certificate and key under this CA, as a signer. <paramref name="crlUrl"/> null: the
    /// certificate names no CRL distribution point (and never an OCSP responder).
    /// </summary>
    public Pkcs12Signer Issue(string commonName, string? crlUrl = null,
        X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string? organisation = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O={organisation ?? "Test PKI"}, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (crlUrl is not null)
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl]));
        var now = DateTimeOffset.UtcNow;
        using var issuer = Certificate.CopyWithPrivateKey(_key);
        using var certificate = request.Create(issuer, notBefore ?? now.AddHours(-1), notAfter ?? now.AddYears(1), RandomNumberGenerator.GetBytes(12));
        using var withKey = certificate.CopyWithPrivateKey(key);
        return new Pkcs12Signer(withKey.Export(X509ContentType.Pkcs12, Password), Password);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
