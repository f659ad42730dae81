using System.Security.Cryptography;
using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Infrastructure.Keys;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>
/// Development seed for signing: the chair's and the director's keys and the province's seal key
/// from certs-dev (a PKI no production system trusts), with generated signature and seal images,
/// so the draft → sign → issue walk-through works on a fresh clone.
/// </summary>
public static class DemoSigningMaterial
{
    const string DevPassword = "dev-password";

    static readonly (KeyOwnerKind Kind, string OrganId, string OwnerId, string Pkcs12)[] Keys =
    [
        (KeyOwnerKind.User, DemoData.ProvinceId, "ubnd.chutich", "official-rsa2048.p12"),
        (KeyOwnerKind.User, DemoData.DepartmentId, "stp.giamdoc", "official-rsa3072.p12"),
        (KeyOwnerKind.Organ, DemoData.ProvinceId, DemoData.ProvinceId, "organisation.p12"),
    ];

    public static void Seed(DocServiceDb db, KeyVault vault, string certsDev, DateTimeOffset at)
    {
        foreach (var (kind, organ, owner, file) in Keys)
        {
            var key = vault.Seal(File.ReadAllBytes(Path.Combine(certsDev, file)), DevPassword, organ, kind, owner, "seed", at);
            db.SigningKeys.Add(key);
            // The same certificates signing on a token (docsvc token-sign with these PKCS#12 files) are registered to the same owners.
            db.CertificateRegistrations.Add(Registration(organ, kind, owner, Path.Combine(certsDev, Path.ChangeExtension(file, ".crt")),
                File.ReadAllBytes(Path.Combine(certsDev, "issuing-ca.crt")), at));
        }

        foreach (var (kind, organ, owner, _) in Keys.Where(k => k.Kind == KeyOwnerKind.User))
            db.OwnerImages.Add(Image(organ, kind, owner, OwnerImageKind.Signature, DevImages.Signature(), at));
        foreach (var organ in DemoData.OrganIds)
            db.OwnerImages.Add(Image(organ, KeyOwnerKind.Organ, organ, OwnerImageKind.Seal, DevImages.Seal(), at));
    }

    /// <summary>certs-dev of the repository the service runs from: found upwards from the content root.</summary>
    public static string? FindCertsDev(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "certs-dev");
            if (File.Exists(Path.Combine(candidate, "index.json")))
                return candidate;
        }
        return null;
    }

    static CertificateRegistration Registration(string organ, KeyOwnerKind kind, string owner, string certificateFile, byte[] issuingCa, DateTimeOffset at)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certificateFile);
        using var issuer = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(issuingCa);
        return new CertificateRegistration
        {
            Id = Guid.CreateVersion7(), OrganId = organ, OwnerKind = kind, OwnerId = owner,
            Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256), Subject = certificate.Subject, Issuer = certificate.Issuer,
            SerialNumber = certificate.SerialNumber, NotBefore = certificate.NotBefore.ToUniversalTime(), NotAfter = certificate.NotAfter.ToUniversalTime(),
            Certificate = certificate.RawData, Intermediates = issuer.RawData, Status = CertificateRegistrationStatus.Active, RegisteredBy = "seed", RegisteredAt = at,
            ApprovedBy = "seed", ApprovedAt = at,
        };
    }

    static OwnerImage Image(string organ, KeyOwnerKind kind, string owner, OwnerImageKind imageKind, byte[] png, DateTimeOffset at)
    {
        var info = PngInfo.TryRead(png)!;
        return new OwnerImage
        {
            Id = Guid.CreateVersion7(), OrganId = organ, OwnerKind = kind, OwnerId = owner, Kind = imageKind,
            Png = png, Sha256 = Convert.ToHexStringLower(SHA256.HashData(png)), Width = info.Width, Height = info.Height, UpdatedAt = at,
        };
    }
}
