using System.Security.Cryptography;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Pdf;
using Org.BouncyCastle.Asn1.Tsp;

namespace DocService.Signing.Validation.Cms;

/// <summary>The integrity verdict and what later steps need from the CMS.</summary>
/// <remarks><c>FormatProblem</c>: the CMS is readable but not acceptable as a PDF signature (encapsulated content where
/// none may be, an unknown digest algorithm, a missing or wrong content-type or message-digest).
/// <c>UnsupportedLegacyFormat</c>: the SubFilter of a legacy format this validator does not check (then nothing else is claimed about it).</remarks>
internal sealed record CmsIntegrity(IntegrityResult Result, CmsSignedData? Cms, TstInfo? TimestampInfo, bool FormatProblem = false,
    string? UnsupportedLegacyFormat = null);

/// <summary>
/// Digest and signature of one PDF signature or document timestamp: the CMS is parsed (BER
/// accepted), the signed bytes are hashed with .NET, and the signature value is checked with the
/// signer's cached public key.
/// </summary>
/// <remarks>
/// Policy for signed attributes not in DER order (a SET OF must be sorted in DER): the signature is
/// checked over the attributes exactly as received, as OpenSSL and NSS do, and then over their DER
/// re-encoding. Either verifying is accepted, with a warning: the signer's key did sign those
/// attributes, and a re-ordering leaves their meaning unchanged. EU DSS rejects such signatures;
/// the corpus file pades-5-signatures-and-1-document-timestamp.pdf is where the two policies part.
/// </remarks>
internal static class CmsIntegrityCheck
{
    const string IdData = "1.2.840.113549.1.7.1";
    const string IdTstInfo = "1.2.840.113549.1.9.16.1.4";

    public static CmsIntegrity Check(Stream stream, EmbeddedSignature signature, ByteRangeResult byteRange)
    {
        var reasons = new List<string>(byteRange.Problems);
        var warnings = new List<string>();
        if (signature.Contents is not { Length: > 0 } contents)
            return new(Result(byteRange, false, false, true, true, true, null, null, [.. reasons, "The signature has no /Contents."], warnings), null, null);
        // ISO 32000-1 §12.8.3.2: a bare PKCS#1 value in /Contents with the certificates in /Cert — no CMS to parse.
        if (signature.SubFilter == "adbe.x509.rsa_sha1")
            return new(Result(byteRange, false, false, true, false, true, "SHA-1", "SHA1withRSA",
                [.. reasons, "Legacy subfilter adbe.x509.rsa_sha1 (a PKCS#1 signature value with /Cert), not supported."], warnings),
                null, null, UnsupportedLegacyFormat: "adbe.x509.rsa_sha1");

        CmsSignedData cms;
        try
        {
            cms = CmsSignedData.Parse(contents);
        }
        catch (CmsFormatException e)
        {
            return new(Result(byteRange, false, false, true, true, true, null, null, [.. reasons, e.Message], warnings), null, null);
        }
        warnings.AddRange(cms.Problems);
        if (cms.SignerInfoCount > 1)
            warnings.Add($"The CMS has {cms.SignerInfoCount} SignerInfos; only the first is validated.");

        var digestOid = cms.DigestAlgorithmOid;
        var signatureInfo = Algorithms.Signature(cms.SignatureAlgorithm.Algorithm.Id);
        var consistent = true;
        if (signatureInfo?.HashOid is { } named && named != digestOid)
        {
            consistent = false;
            reasons.Add($"The signature algorithm {signatureInfo.Name} names {Algorithms.DigestName(named)} but the digest algorithm is {Algorithms.DigestName(digestOid)}.");
        }
        var pairAllowed = true;
        if (signatureInfo?.Scheme == SignatureScheme.Ed448 && digestOid is not (Algorithms.Shake256 or Algorithms.Shake256Len)
            || signatureInfo?.Scheme == SignatureScheme.Ed25519 && digestOid != Algorithms.Sha512)
        {
            pairAllowed = false;
            reasons.Add($"{signatureInfo.Name} must be used with {(signatureInfo.Scheme == SignatureScheme.Ed448 ? "SHAKE256" : "SHA-512")} (RFC 8419 §3), not {Algorithms.DigestName(digestOid)}.");
        }

        // What the message digest (or the signature itself, without signed attributes) must match.
        var subFilter = signature.SubFilter;
        byte[]? content = null;
        byte[]? contentDigest = null;
        TstInfo? tstInfo = null;
        var digestMatches = false;
        if (signature.IsDocumentTimestamp)
        {
            if (cms.EncapsulatedContentType != IdTstInfo || cms.EncapsulatedContent is null)
                reasons.Add("The document timestamp does not encapsulate a TSTInfo.");
            else
            {
                tstInfo = TstInfo.GetInstance(cms.EncapsulatedContent);
                var imprint = tstInfo.MessageImprint;
                var imprintOid = imprint.HashAlgorithm.Algorithm.Id;
                var rangeDigest = byteRange.InsideFile ? RangeDigest(stream, signature.ByteRange!, imprintOid) : null;
                if (rangeDigest is not null && CryptographicOperations.FixedTimeEquals(rangeDigest, imprint.GetHashedMessage()))
                    digestMatches = true;
                else
                    reasons.Add(byteRange.InsideFile ? "The timestamp's message imprint does not match the signed bytes." : "The signed bytes cannot be hashed: the /ByteRange lies outside the file.");
                content = cms.EncapsulatedContent;
            }
        }
        else if (subFilter == "adbe.pkcs7.sha1")
        {
            if (cms.EncapsulatedContent is not { } encapsulated)
                reasons.Add("adbe.pkcs7.sha1 requires the SHA-1 digest of the document as encapsulated content, and there is none.");
            else
            {
                var rangeDigest = byteRange.InsideFile ? RangeDigest(stream, signature.ByteRange!, Algorithms.Sha1) : null;
                digestMatches = rangeDigest is not null && CryptographicOperations.FixedTimeEquals(rangeDigest, encapsulated);
                if (!digestMatches)
                    reasons.Add("The SHA-1 digest in the CMS does not match the signed bytes.");
                content = encapsulated;
            }
        }
        else
        {
            if (cms.EncapsulatedContent is not null)
                reasons.Add($"The signature is detached ({subFilter ?? "no SubFilter"}) but its CMS encapsulates content: what is signed is not the document.");
            if (subFilter is not ("adbe.pkcs7.detached" or "ETSI.CAdES.detached"))
                warnings.Add($"SubFilter {subFilter ?? "(none)"} is not one of adbe.pkcs7.detached or ETSI.CAdES.detached.");
            contentDigest = byteRange.InsideFile ? RangeDigest(stream, signature.ByteRange!, digestOid) : null;
            if (contentDigest is null && byteRange.InsideFile)
                reasons.Add(Algorithms.Signature(digestOid) is { } misplaced
                    ? $"The SignerInfo's digest algorithm is {misplaced.Name} ({digestOid}), a signature algorithm, not a digest algorithm."
                    : $"The digest algorithm {Algorithms.DigestName(digestOid)} is not supported.");
            else if (contentDigest is null)
                reasons.Add("The signed bytes cannot be hashed: the /ByteRange lies outside the file.");
        }

        if (!signature.IsDocumentTimestamp && cms.EncapsulatedContentType != IdData)
            reasons.Add($"The signed content type is {cms.EncapsulatedContentType}, not id-data.");
        if (cms.HasSignedAttributes)
        {
            var actual = content is not null ? Algorithms.Hash(digestOid, content) : contentDigest;
            if (cms.ContentTypeAttribute is null)
                reasons.Add("The signed attributes lack content-type.");
            else if (cms.ContentTypeAttribute != cms.EncapsulatedContentType)
                reasons.Add($"The content-type attribute ({cms.ContentTypeAttribute}) differs from the encapsulated content type ({cms.EncapsulatedContentType}).");
            if (cms.MessageDigest is null)
                reasons.Add("The signed attributes lack message-digest.");
            else if (actual is not null)
            {
                var matches = CryptographicOperations.FixedTimeEquals(actual, cms.MessageDigest);
                if (!signature.IsDocumentTimestamp && subFilter != "adbe.pkcs7.sha1")
                    digestMatches = matches;
                if (!matches)
                {
                    digestMatches = false;
                    reasons.Add("The message-digest attribute does not match the digest of the signed bytes.");
                }
            }
        }
        else if (!signature.IsDocumentTimestamp && subFilter != "adbe.pkcs7.sha1")
        {
            // Without signed attributes the signature is over the content itself: checked below.
            digestMatches = contentDigest is not null;
        }

        var formatProblem = reasons.Count > byteRange.Problems.Count && !reasons.Skip(byteRange.Problems.Count).All(r => r.StartsWith("The message-digest attribute does not match", StringComparison.Ordinal) || r.StartsWith("The timestamp's message imprint", StringComparison.Ordinal) || r.StartsWith("The SHA-1 digest in the CMS", StringComparison.Ordinal) || r.StartsWith("The signed bytes cannot be hashed", StringComparison.Ordinal) || r.StartsWith("The signature algorithm", StringComparison.Ordinal) || r.Contains("(RFC 8419", StringComparison.Ordinal));
        var verifies = false;
        if (cms.SignerCertificate is not { } signer)
            reasons.Add("The signer's certificate is not in the CMS: the signature cannot be checked.");
        else
        {
            (VerifyOutcome Outcome, string? Problem) outcome;
            if (cms.HasSignedAttributes)
            {
                outcome = SignatureVerifier.Verify(signer, cms.SignatureAlgorithm, digestOid, cms.SignedAttributesAsReceived!, cms.SignatureValue);
                var isDer = cms.SignedAttributesAsReceived!.AsSpan().SequenceEqual(cms.SignedAttributesDer);
                if (outcome.Outcome == VerifyOutcome.Invalid && !isDer)
                {
                    var der = SignatureVerifier.Verify(signer, cms.SignatureAlgorithm, digestOid, cms.SignedAttributesDer!, cms.SignatureValue);
                    if (der.Outcome == VerifyOutcome.Valid)
                    {
                        outcome = der;
                        warnings.Add("The signed attributes were received out of DER order; the signature verifies over their DER encoding.");
                    }
                }
                else if (outcome.Outcome == VerifyOutcome.Valid && !isDer)
                    warnings.Add("The signed attributes are not in DER order (SET OF unsorted); the signature verifies over them as received. Policy: accepted with this warning.");
            }
            else if (content is not null)
                outcome = SignatureVerifier.Verify(signer, cms.SignatureAlgorithm, digestOid, content, cms.SignatureValue);
            else if (contentDigest is not null)
                outcome = SignatureVerifier.VerifyDigest(signer, cms.SignatureAlgorithm, digestOid, contentDigest, cms.SignatureValue);
            else
                outcome = (VerifyOutcome.Unsupported, "nothing to check the signature against");
            verifies = outcome.Outcome == VerifyOutcome.Valid;
            if (!verifies)
                reasons.Add("The CMS signature does not verify: " + outcome.Problem + ".");
        }

        var signatureName = signatureInfo?.Name ?? cms.SignatureAlgorithm.Algorithm.Id;
        return new(Result(byteRange, digestMatches, verifies, consistent, AlgorithmPolicy.Deprecations(digestOid, cms.SignerCertificate).Count == 0, pairAllowed, Algorithms.DigestName(digestOid), signatureName, reasons, warnings), cms, tstInfo, formatProblem);
    }

    static IntegrityResult Result(ByteRangeResult byteRange, bool digestMatches, bool verifies, bool consistent, bool acceptable, bool pairAllowed,
        string? digest, string? signature, IReadOnlyList<string> reasons, IReadOnlyList<string> warnings) =>
        new(byteRange.Valid && digestMatches && verifies && consistent && pairAllowed && reasons.Count == 0,
            byteRange.Valid, digestMatches, verifies, consistent, acceptable, pairAllowed, digest, signature, reasons.Distinct().ToList(), warnings.Distinct().ToList());

    /// <summary>The digest of the two signed ranges, read in chunks; null when the algorithm is unavailable.</summary>
    internal static byte[]? RangeDigest(Stream stream, IReadOnlyList<long> byteRange, string digestOid)
    {
        using var hash = Algorithms.CreateHash(digestOid);
        if (hash is null)
            return null;
        StreamBytes.ForEachChunk(stream, byteRange[0], byteRange[1], chunk => hash.AppendData(chunk.Span));
        StreamBytes.ForEachChunk(stream, byteRange[2], byteRange[3], chunk => hash.AppendData(chunk.Span));
        return hash.GetHashAndReset();
    }
}
