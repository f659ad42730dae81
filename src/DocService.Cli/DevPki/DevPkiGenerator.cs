using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Cli.DevPki;

/// <summary>
/// Issues the development PKI: root → issuing CA → officials, the organisation seal, a TSA, an OCSP responder,
/// plus one revoked and one expired certificate, and the issuing CA's CRL.
/// </summary>
internal sealed class DevPkiGenerator(TimeProvider time)
{
    // The CAs start in the past so the expired certificate still lies inside its issuer's validity.
    static readonly TimeSpan CaBackdating = TimeSpan.FromDays(3 * 365);
    static readonly TimeSpan RootLifetime = TimeSpan.FromDays(20 * 365);
    static readonly TimeSpan IssuingCaLifetime = TimeSpan.FromDays(10 * 365);
    // Long, because certs-dev is checked in and tests must not start failing when it ages.
    static readonly TimeSpan EndEntityLifetime = TimeSpan.FromDays(5 * 365);
    // Tolerates clocks that run a little behind the one that issued the certificate.
    static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    const string OrganName = "UBND tỉnh Nghệ An";
    const string OrganId = "000.00.00.H41";
    const string OrganProvince = "Nghệ An";

    public DevPkiBundle Generate()
    {
        var now = time.GetUtcNow();
        var caNotBefore = now - CaBackdating;
        var eeNotBefore = now - ClockSkew;
        var eeNotAfter = now + EndEntityLifetime;

        var root = Issue(DevelopmentName("DocService Development Root CA (NOT FOR PRODUCTION)"), KeyType.Rsa4096,
            issuer: null, CertificateProfiles.CertificateAuthority(pathLength: null), caNotBefore, caNotBefore + RootLifetime);
        var issuingCa = Issue(DevelopmentName("DocService Development Issuing CA (NOT FOR PRODUCTION)"), KeyType.Rsa3072,
            root, CertificateProfiles.CertificateAuthority(pathLength: 0), caNotBefore, caNotBefore + IssuingCaLifetime);

        DevPkiEntry EndEntity(string name, string role, KeyType keyType, X500DistinguishedName subject,
            X509Extension[] extensions, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
            new(name, role, keyType, Issue(subject, keyType, issuingCa, extensions, notBefore, notAfter), [issuingCa]);

        var signer = CertificateProfiles.DocumentSigner();
        var revoked = EndEntity("revoked", DevPkiRole.Revoked, KeyType.Rsa2048, OfficialName("Phạm Thị Dung"),
            signer, eeNotBefore, eeNotAfter);
        DevPkiEntry[] entries =
        [
            new("root", DevPkiRole.RootCa, KeyType.Rsa4096, root, []),
            new("issuing-ca", DevPkiRole.IssuingCa, KeyType.Rsa3072, issuingCa, []),
            EndEntity("official-rsa2048", DevPkiRole.Official, KeyType.Rsa2048, OfficialName("Nguyễn Văn An"),
                signer, eeNotBefore, eeNotAfter),
            EndEntity("official-rsa3072", DevPkiRole.Official, KeyType.Rsa3072, OfficialName("Trần Thị Bình"),
                signer, eeNotBefore, eeNotAfter),
            EndEntity("official-ecdsa-p256", DevPkiRole.Official, KeyType.EcdsaP256, OfficialName("Lê Hoàng Cường"),
                signer, eeNotBefore, eeNotAfter),
            EndEntity("organisation", DevPkiRole.Organisation, KeyType.Rsa3072, OrganisationName(),
                signer, eeNotBefore, eeNotAfter),
            EndEntity("tsa", DevPkiRole.Tsa, KeyType.Rsa3072, DevelopmentName("DocService Development TSA"),
                CertificateProfiles.TimeStampingAuthority(), eeNotBefore, eeNotAfter),
            EndEntity("ocsp", DevPkiRole.Ocsp, KeyType.Rsa2048, DevelopmentName("DocService Development OCSP Responder"),
                CertificateProfiles.OcspResponder(), eeNotBefore, eeNotAfter),
            revoked,
            EndEntity("expired", DevPkiRole.Expired, KeyType.Rsa2048, OfficialName("Hoàng Văn Đức"),
                signer, now - TimeSpan.FromDays(395), now - TimeSpan.FromDays(30)),
        ];

        var crlNextUpdate = now + EndEntityLifetime;
        var crl = new CertificateRevocationListBuilder();
        crl.AddEntry(revoked.Certificate, now, X509RevocationReason.KeyCompromise);
        var crlBytes = crl.Build(issuingCa, crlNumber: BigInteger.One, crlNextUpdate,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate: now);

        return new DevPkiBundle(entries, crlBytes, now, crlNextUpdate);
    }

    /// <summary>Issues a certificate for a fresh key; self-signed when <paramref name="issuer"/> is null.</summary>
    static X509Certificate2 Issue(X500DistinguishedName subject, KeyType keyType, X509Certificate2? issuer,
        X509Extension[] extensions, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = keyType.CreateKey();
        using var issuerKey = issuer?.SigningKey();
        var request = new CertificateRequest(subject, new PublicKey(key), HashAlgorithmName.SHA256);
        foreach (var extension in extensions)
            request.CertificateExtensions.Add(extension);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        if (issuer is not null)
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
                issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        using var certificate = request.Create(issuer?.SubjectName ?? subject, (issuerKey ?? key).SignatureGenerator(),
            notBefore, notAfter, RandomSerialNumber());
        return certificate.WithPrivateKey(key);
    }

    /// <summary>16 random bytes; top bit clear keeps the INTEGER positive, the next bit set keeps all 16 bytes.</summary>
    static byte[] RandomSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    // X500DistinguishedNameBuilder encodes the last-added attribute first, so adding CN … C yields the
    // conventional DER order C, ST, O, CN.
    static X500DistinguishedName DevelopmentName(string commonName)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        name.AddOrganizationName("DocService Development");
        name.AddCountryOrRegion("VN");
        return name.Build();
    }

    static X500DistinguishedName OfficialName(string fullName)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(fullName);
        name.AddOrganizationName(OrganName);
        name.AddStateOrProvinceName(OrganProvince);
        name.AddCountryOrRegion("VN");
        return name.Build();
    }

    /// <summary>The seal (con dấu số): the organ code goes in serialNumber, X.520's attribute for an identifier.</summary>
    static X500DistinguishedName OrganisationName()
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(OrganName);
        name.Add("2.5.4.5", OrganId, UniversalTagNumber.PrintableString);
        name.AddOrganizationName(OrganName);
        name.AddStateOrProvinceName(OrganProvince);
        name.AddCountryOrRegion("VN");
        return name.Build();
    }
}
