using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace DocService.Signing.Validation.Revocation;

/// <summary>Where a certificate says its revocation status is published: OCSP responders (AIA) and CRL distribution points.</summary>
public static class RevocationPointers
{
    const string CrlDistributionPoints = "2.5.29.31";

    public static List<string> OcspUrls(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().SelectMany(e => e.EnumerateOcspUris()).ToList();

    public static List<string> CrlUrls(X509Certificate2 certificate)
    {
        if (certificate.Extensions[CrlDistributionPoints] is not { } extension)
            return [];
        try
        {
            return CrlDistPoint.GetInstance(Asn1Object.FromByteArray(extension.RawData)).GetDistributionPoints()
                .Select(p => p.DistributionPointName)
                .Where(n => n is { Type: DistributionPointName.FullName })
                .SelectMany(n => GeneralNames.GetInstance(n.Name).GetNames())
                .Where(g => g.TagNo == GeneralName.UniformResourceIdentifier)
                .Select(g => g.Name.ToString()!)
                .ToList();
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            return [];
        }
    }
}
