using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Cli.DevPki;

/// <summary>The extensions each kind of development certificate carries (key identifiers are added by the generator).</summary>
internal static class CertificateProfiles
{
    static readonly Oid EmailProtection = new("1.3.6.1.5.5.7.3.4");
    static readonly Oid DocumentSigning = new("1.3.6.1.5.5.7.3.36"); // RFC 9336
    static readonly Oid TimeStamping = new("1.3.6.1.5.5.7.3.8");
    static readonly Oid OcspSigning = new("1.3.6.1.5.5.7.3.9");
    const string OcspNoCheck = "1.3.6.1.5.5.7.48.1.5";
    static readonly byte[] DerNull = [0x05, 0x00];

    /// <param name="pathLength">null for the root (unlimited), 0 for the issuing CA so it can only issue end entities.</param>
    public static X509Extension[] CertificateAuthority(int? pathLength) =>
    [
        new X509BasicConstraintsExtension(certificateAuthority: true, pathLength.HasValue, pathLength ?? 0, critical: true),
        new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true),
    ];

    /// <summary>A person's or an organisation's signing certificate, as on a government USB token.</summary>
    public static X509Extension[] DocumentSigner() =>
    [
        EndEntity(),
        new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true),
        new X509EnhancedKeyUsageExtension([EmailProtection, DocumentSigning], critical: false),
        .. RevocationPointers(),
    ];

    /// <summary>RFC 3161 §2.3: the TSA certificate has exactly one EKU, timeStamping, and it is critical.</summary>
    public static X509Extension[] TimeStampingAuthority() =>
    [
        EndEntity(),
        new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true),
        new X509EnhancedKeyUsageExtension([TimeStamping], critical: true),
        .. RevocationPointers(),
    ];

    /// <summary>
    /// RFC 6960 §4.2.2.2: a delegated responder carries OCSPSigning, and id-pkix-ocsp-nocheck tells clients
    /// not to ask about the responder's own status, so it has no revocation pointers.
    /// </summary>
    public static X509Extension[] OcspResponder() =>
    [
        EndEntity(),
        new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true),
        new X509EnhancedKeyUsageExtension([OcspSigning], critical: false),
        new X509Extension(OcspNoCheck, DerNull, critical: false),
    ];

    static X509BasicConstraintsExtension EndEntity() =>
        new(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true);

    static X509Extension[] RevocationPointers() =>
    [
        CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([DevPkiUrls.IssuingCaCrl]),
        new X509AuthorityInformationAccessExtension(ocspUris: [DevPkiUrls.Ocsp], caIssuersUris: null),
    ];
}
