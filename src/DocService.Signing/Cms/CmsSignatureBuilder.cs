using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using Time = Org.BouncyCastle.Asn1.Cms.Time;

namespace DocService.Signing.Cms;

/// <summary>
/// Builds detached CMS SignedData (RFC 5652) in DER, for SubFilter ETSI.CAdES.detached or
/// adbe.pkcs7.detached, in the three steps of EU DSS: <see cref="Prepare"/> fixes the signed
/// attributes and yields the digest to sign, a key signs it (here or on a USB token),
/// <see cref="Assemble"/> checks the value and wraps it. BouncyCastle shapes the ASN.1 only;
/// hashing, signing and verifying are .NET's.
/// </summary>
public sealed class CmsSignatureBuilder(TimeProvider? timeProvider = null)
{
    readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Step one: the signed attributes over <paramref name="contentDigest"/>.</summary>
    /// <param name="contentDigest">Digest of the signed content (for a PDF, of its ByteRange).</param>
    /// <param name="signer">The signer's certificate (a private key is neither needed nor used).</param>
    /// <param name="chain">Intermediates to embed, issuer first; the root is usually left out.</param>
    /// <param name="digestAlgorithm">The algorithm of <paramref name="contentDigest"/> and of the signature.</param>
    /// <param name="signatureAlgorithm">Must suit the key type of <paramref name="signer"/>.</param>
    /// <param name="options">Signing time and SubFilter; <see cref="CmsSignatureOptions.Default"/> when null.</param>
    public PreparedSignature Prepare(
        ReadOnlySpan<byte> contentDigest,
        X509Certificate2 signer,
        IReadOnlyList<X509Certificate2> chain,
        DigestAlgorithm digestAlgorithm,
        SignatureAlgorithm signatureAlgorithm,
        CmsSignatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(chain);
        digestAlgorithm.EnsureDigestLength(contentDigest.Length, nameof(contentDigest));
        signatureAlgorithm.EnsureMatchesKeyOf(signer);
        options ??= CmsSignatureOptions.Default;

        var signerStructure = CertificateStructures.Structure(signer);
        var digest = contentDigest.ToArray();
        DateTimeOffset? signingTime = options.IncludeSigningTime
            ? WholeSecondsUtc(options.SigningTime ?? _time.GetUtcNow())
            : null;

        var attributes = new Asn1EncodableVector(4)
        {
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(digest))),
            CertificateStructures.SigningCertificateV2Attribute(signer),
        };
        if (signingTime is { } time)
        {
            // Time picks UTCTime for 1950–2049 and GeneralizedTime otherwise, as RFC 5652 §11.3 asks.
            attributes.Add(new CmsAttribute(CmsAttributes.SigningTime, new DerSet(new Time(time.UtcDateTime))));
        }

        // DerSet sorts its elements by their DER encoding, as DER requires of a SET OF.
        var signedAttributes = new DerSet(attributes);
        var dataToSign = signedAttributes.GetEncoded(Asn1Encodable.Der);

        return new PreparedSignature(
            signer, signerStructure, chain.ToArray(), digestAlgorithm, signatureAlgorithm, digest,
            signingTime, options.Pades, signedAttributes, dataToSign);
    }

    /// <summary>
    /// Step three: wraps <paramref name="signatureValue"/> into ContentInfo(SignedData), after checking
    /// with the signer's public key that it signs exactly the prepared attributes.
    /// </summary>
    /// <exception cref="SignatureValueMismatchException">The value was made by another key or over other data.</exception>
    public byte[] Assemble(PreparedSignature prepared, byte[] signatureValue)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(signatureValue);

        var value = SignatureValues.VerifyAndNormalise(
            prepared.SignerCertificate, prepared.SignatureAlgorithm, prepared.DigestAlgorithm,
            prepared.DigestToSign.Span, signatureValue)
            ?? throw new SignatureValueMismatchException(
                prepared.SignerCertificate.Subject, prepared.SignerCertificate.Thumbprint, prepared.SignatureAlgorithm);

        var signer = prepared.SignerStructure;
        var digestAlgorithm = prepared.DigestAlgorithm.AlgorithmIdentifier();
        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(signer.Issuer, signer.SerialNumber)),
            digestAlgorithm,
            prepared.SignedAttributes,
            prepared.SignatureAlgorithm.AlgorithmIdentifier(prepared.DigestAlgorithm),
            new DerOctetString(value),
            (Asn1Set?)null);

        var certificates = new Asn1EncodableVector(1 + prepared.Chain.Count) { signer };
        foreach (var certificate in prepared.Chain)
        {
            if (!certificate.RawDataMemory.Span.SequenceEqual(prepared.SignerCertificate.RawDataMemory.Span))
            {
                certificates.Add(CertificateStructures.Structure(certificate));
            }
        }

        // Version 1 follows from the contents (issuerAndSerialNumber, id-data, X.509 certificates only).
        var signedData = new SignedData(
            new DerSet(digestAlgorithm),
            new ContentInfo(CmsObjectIdentifiers.Data, null),
            new DerSet(certificates),
            null,
            new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>All three steps with a key the service can reach.</summary>
    public async Task<byte[]> SignAsync(
        ReadOnlyMemory<byte> contentDigest,
        ISigner signer,
        DigestAlgorithm digestAlgorithm = DigestAlgorithm.Sha256,
        CmsSignatureOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var prepared = Prepare(
            contentDigest.Span, signer.Certificate, signer.Chain, digestAlgorithm, signer.SignatureAlgorithm, options);
        var value = await signer.SignAsync(prepared.DigestToSign, digestAlgorithm, ct).ConfigureAwait(false);
        return Assemble(prepared, value);
    }

    static DateTimeOffset WholeSecondsUtc(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
