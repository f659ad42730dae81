using System.Security.Cryptography;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Trust;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Tsp;

namespace DocService.Signing.Validation.Timestamps;

/// <summary>A checked timestamp token and its parsed parts (for revocation of the TSA chain).</summary>
internal sealed record CheckedTimestamp(TimestampResult Result, CmsSignedData? Token, ChainOutcome? Chain);

/// <summary>
/// RFC 3161 tokens: the signature timestamp in a SignerInfo's unsigned attribute
/// id-aa-signatureTimeStampToken (its imprint is the hash of the signature value), and the
/// token's own CMS signature, checked like any other.
/// </summary>
internal static class TimestampCheck
{
    const string IdTstInfo = "1.2.840.113549.1.9.16.1.4";

    /// <summary>The first signature timestamp of <paramref name="cms"/>, or null when it has none.</summary>
    public static CheckedTimestamp? CheckSignatureTimestamp(CmsSignedData cms, ValidationOptions options, DateTimeOffset validationTime)
    {
        var token = cms.UnsignedAttributeValues(PkcsObjectIdentifiers.IdAASignatureTimeStampToken).FirstOrDefault();
        if (token is null)
            return null;
        return Check(token.GetEncoded(Asn1Encodable.Der), cms.SignatureValue, options, validationTime, cms.Certificates);
    }

    /// <summary>Checks a token stamping <paramref name="stamped"/> (the imprint is the hash of these bytes).</summary>
    public static CheckedTimestamp Check(byte[] tokenBytes, byte[] stamped, ValidationOptions options, DateTimeOffset validationTime,
        IEnumerable<System.Security.Cryptography.X509Certificates.X509Certificate2>? otherCertificates = null)
    {
        var reasons = new List<string>();
        CmsSignedData token;
        try
        {
            token = CmsSignedData.Parse(tokenBytes);
        }
        catch (CmsFormatException e)
        {
            return new(new TimestampResult(false, false, false, false, null, null, null, [e.Message]), null, null);
        }
        if (token.EncapsulatedContentType != IdTstInfo || token.EncapsulatedContent is null)
            return new(new TimestampResult(false, false, false, false, null, null, null, ["The timestamp token does not carry a TSTInfo."]), token, null);
        // RFC 3161 lets a TSA leave its certificate out unless asked; look for it where else it may be.
        token.SignerCertificate ??= token.FindSignerIn((otherCertificates ?? []).Concat(options.Intermediates));

        TstInfo info;
        try
        {
            info = TstInfo.GetInstance(Asn1Object.FromByteArray(token.EncapsulatedContent));
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException)
        {
            return new(new TimestampResult(false, false, false, false, null, null, null, ["The TSTInfo cannot be read: " + e.Message]), token, null);
        }
        var time = new DateTimeOffset(DateTime.SpecifyKind(info.GenTime.ToDateTime(), DateTimeKind.Utc));
        var imprintOid = info.MessageImprint.HashAlgorithm.Algorithm.Id;
        var expected = Algorithms.Hash(imprintOid, stamped);
        var imprintMatches = expected is not null && CryptographicOperations.FixedTimeEquals(expected, info.MessageImprint.GetHashedMessage());
        if (!imprintMatches)
            reasons.Add(expected is null ? $"The imprint algorithm {Algorithms.DigestName(imprintOid)} is not supported." : "The timestamp's message imprint does not match what it should stamp.");

        var verifies = VerifyToken(token, reasons);
        ChainOutcome? chain = null;
        var trusted = false;
        if (token.SignerCertificate is { } tsa)
        {
            // The TSA certificate is judged at the time it stamped; its later expiry is what B-LTA is for.
            chain = ChainBuilder.Build(tsa, token.Certificates.Concat(options.Intermediates), options.TrustAnchors, time, CertificatePurpose.Timestamping);
            trusted = chain.Status == TrustStatus.Trusted;
            if (!trusted)
                reasons.AddRange(chain.Reasons.Select(r => "TSA: " + r));
        }
        var tsaName = token.SignerCertificate?.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);
        return new(new TimestampResult(imprintMatches && verifies, imprintMatches, verifies, trusted, time, tsaName,
            Algorithms.DigestName(imprintOid), reasons), token, chain);
    }

    /// <summary>The token's CMS: message digest of the TSTInfo, and the TSA's signature over the signed attributes.</summary>
    internal static bool VerifyToken(CmsSignedData token, List<string> reasons)
    {
        if (token.SignerCertificate is not { } tsa)
        {
            reasons.Add("The TSA certificate is not in the timestamp token.");
            return false;
        }
        if (!token.HasSignedAttributes || token.MessageDigest is null)
        {
            reasons.Add("The timestamp token has no message-digest attribute.");
            return false;
        }
        var digest = Algorithms.Hash(token.DigestAlgorithmOid, token.EncapsulatedContent!);
        if (digest is null || !CryptographicOperations.FixedTimeEquals(digest, token.MessageDigest))
        {
            reasons.Add("The timestamp token's message-digest does not match its TSTInfo.");
            return false;
        }
        // RFC 3161 §2.4.1 / RFC 5816: the token binds its TSA certificate with ESS signing-certificate(-v2).
        if (token.SigningCertificateReferences.Count == 0)
        {
            reasons.Add("The timestamp token has no signing-certificate attribute identifying the TSA certificate.");
            return false;
        }
        var reference = token.SigningCertificateReferences[0];
        if (Algorithms.Hash(reference.HashOid, tsa.RawData) is not { } certHash || !CryptographicOperations.FixedTimeEquals(certHash, reference.Hash))
        {
            reasons.Add("The timestamp token's signing-certificate attribute does not match the TSA certificate.");
            return false;
        }
        var outcome = SignatureVerifier.Verify(tsa, token.SignatureAlgorithm, token.DigestAlgorithmOid, token.SignedAttributesAsReceived!, token.SignatureValue);
        if (outcome.Outcome != VerifyOutcome.Valid && !token.SignedAttributesAsReceived!.AsSpan().SequenceEqual(token.SignedAttributesDer))
            outcome = SignatureVerifier.Verify(tsa, token.SignatureAlgorithm, token.DigestAlgorithmOid, token.SignedAttributesDer!, token.SignatureValue);
        if (outcome.Outcome != VerifyOutcome.Valid)
        {
            reasons.Add("The timestamp token's signature does not verify: " + outcome.Problem + ".");
            return false;
        }
        return true;
    }
}
