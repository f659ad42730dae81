using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Timestamps;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Tsp;

namespace DocService.Signing.Timestamps;

/// <summary>A granted token and what it says.</summary>
public sealed record TimestampToken(byte[] Encoded, DateTimeOffset Time, X509Certificate2 Authority);

/// <summary>
/// Checks a TimeStampResp against the request it answers (RFC 3161 §2.4.2): granted status, the
/// same imprint and nonce, the requested policy, a TSA certificate with the sole, critical
/// timeStamping EKU, and a token whose signature verifies (the validator's own token check).
/// </summary>
public static class TimestampResponse
{
    const string IdTstInfo = "1.2.840.113549.1.9.16.1.4";
    const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";

    /// <exception cref="TimestampException">Code <c>timestamp.invalid_response</c>, with the reason.</exception>
    public static TimestampToken Check(TimestampRequest request, byte[] response)
    {
        TimeStampResp parsed;
        try
        {
            parsed = TimeStampResp.GetInstance(Asn1Object.FromByteArray(response));
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            throw Invalid("the answer is not a TimeStampResp: " + e.Message);
        }
        var status = parsed.Status.Status.IntValueExact;
        if (status is not ((int)PkiStatus.Granted or (int)PkiStatus.GrantedWithMods))
            throw Invalid($"the TSA refused the request (status {status}{(parsed.Status.StatusString is { } text ? ": " + text[0].GetString() : "")}).");
        if (parsed.TimeStampToken is null)
            throw Invalid("the answer grants a timestamp but carries no token.");

        var encoded = parsed.TimeStampToken.GetEncoded(Asn1Encodable.Der);
        CmsSignedData token;
        try
        {
            token = CmsSignedData.Parse(encoded);
        }
        catch (CmsFormatException e)
        {
            throw Invalid(e.Message);
        }
        if (token.EncapsulatedContentType != IdTstInfo || token.EncapsulatedContent is null)
            throw Invalid("the token does not carry a TSTInfo.");
        var info = TstInfo.GetInstance(Asn1Object.FromByteArray(token.EncapsulatedContent));

        if (info.MessageImprint.HashAlgorithm.Algorithm.Id != request.Algorithm.Oid()
            || !CryptographicOperations.FixedTimeEquals(info.MessageImprint.GetHashedMessage(), request.Digest))
            throw Invalid("the token's message imprint is not the one requested.");
        var nonce = info.Nonce?.Value.ToByteArrayUnsigned();
        if (nonce is null || !nonce.AsSpan().SequenceEqual(new Org.BouncyCastle.Math.BigInteger(1, request.Nonce).ToByteArrayUnsigned()))
            throw Invalid("the token does not echo the request's nonce (a replayed or foreign answer).");
        if (request.PolicyOid is { } policy && info.Policy.Id != policy)
            throw Invalid($"the token is under policy {info.Policy.Id}, not the requested {policy}.");

        if (token.SignerCertificate is not { } tsa)
            throw Invalid("the token does not include the TSA certificate that was requested.");
        CheckTsaCertificate(tsa);
        var reasons = new List<string>();
        if (!TimestampCheck.VerifyToken(token, reasons))
            throw Invalid(string.Join(" ", reasons));

        var time = new DateTimeOffset(DateTime.SpecifyKind(info.GenTime.ToDateTime(), DateTimeKind.Utc));
        return new TimestampToken(encoded, time, tsa);
    }

    /// <summary>RFC 3161 §2.3: the TSA certificate's extended key usage is timeStamping alone, and critical.</summary>
    static void CheckTsaCertificate(X509Certificate2 tsa)
    {
        var eku = tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (eku is null || !eku.Critical || eku.EnhancedKeyUsages.Count != 1 || eku.EnhancedKeyUsages[0].Value != TimeStampingEku)
            throw Invalid($"the TSA certificate ({tsa.Subject}) lacks the sole, critical timeStamping extended key usage.");
    }

    static TimestampException Invalid(string reason) => new(TimestampException.InvalidResponse, "The timestamp answer is unusable: " + reason);
}
