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
            db.SigningKeys.Add(vault.Seal(File.ReadAllBytes(Path.Combine(certsDev, file)), DevPassword, organ, kind, owner, "seed", at));

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
