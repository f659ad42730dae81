using System.Security.Cryptography;
using System.Text;

namespace DocService.Exchange.Transport;

/// <summary>
/// The VDXP wire protocol as both ends speak it: <c>POST {endpoint}/{operation}</c>, parameters as
/// headers, the header set signed with HMAC-SHA256 under the system's shared secret.
/// </summary>
public static class VdxpProtocol
{
    public const string SendEdoc = "sendEdoc";
    public const string GetReceivedEdocList = "getReceivedEdocList";
    public const string GetEdoc = "getEdoc";
    public const string UpdateStatus = "updateStatus";
    public const string GetSentEdocList = "getSentEdocList";

    public static readonly IReadOnlyList<string> Operations = [SendEdoc, GetReceivedEdocList, GetEdoc, UpdateStatus, GetSentEdocList];

    public const string From = "from";
    public const string SystemId = "systemid";
    public const string Timestamp = "timestamp";
    public const string Nonce = "nonce";
    public const string MessageType = "messagetype";
    public const string HashFile = "hash-file";
    public const string IdempotencyKey = "idempotency-key";
    public const string DocId = "docid";
    public const string Status = "status";
    public const string Signature = "signature";

    /// <summary>Every header that is signed when present; a header outside this list is not protected.</summary>
    public static readonly IReadOnlyList<string> SignedHeaders =
        [From, SystemId, Timestamp, Nonce, MessageType, HashFile, IdempotencyKey, DocId, Status];

    /// <summary>Headers a request must carry to be authenticated at all.</summary>
    public static readonly IReadOnlyList<string> RequiredHeaders = [From, SystemId, Timestamp, Nonce, Signature];

    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The canonical form that is signed, exactly:
    /// <list type="number">
    /// <item>a first line <c>operation:{operation}</c> (the path segment, as sent, e.g. <c>operation:getEdoc</c>),
    /// so a signature for one operation cannot be replayed on another;</item>
    /// <item>then one line <c>{name}:{value}</c> per header of <see cref="SignedHeaders"/> present in the
    /// request, names in lower case, sorted by ordinal comparison of the name, values with leading and
    /// trailing white space removed and otherwise unchanged (UTF-8);</item>
    /// <item>lines joined by a single <c>\n</c> (LF), no trailing newline.</item>
    /// </list>
    /// Example for getEdoc: <c>operation:getEdoc\ndocid:42\nfrom:000.00.00.H41\nnonce:9f…\nsystemid:h41\ntimestamp:1767225600</c>.
    /// <c>timestamp</c> is Unix seconds (UTC); <c>nonce</c> is 128 random bits in hex.
    /// The <c>signature</c> header is Base64(HMAC-SHA256(key = UTF-8(secret), data = UTF-8(canonical))).
    /// </summary>
    public static string Canonicalize(string operation, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var lines = headers
            .Select(h => (Name: h.Key.Trim().ToLowerInvariant(), Value: h.Value.Trim()))
            .Where(h => SignedHeaders.Contains(h.Name))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => $"{h.Name}:{h.Value}");
        return string.Join('\n', lines.Prepend($"operation:{operation}"));
    }

    public static string ComputeSignature(string secret, string canonical) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Constant-time comparison of a received signature with the expected one.</summary>
    public static bool VerifySignature(string secret, string canonical, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
            return false;
        var expected = Encoding.ASCII.GetBytes(ComputeSignature(secret, canonical));
        var actual = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public static string FormatMessageType(AxisMessageType type) => type == AxisMessageType.Status ? "status" : "edoc";

    public static AxisMessageType ParseMessageType(string? value) =>
        string.Equals(value, "status", StringComparison.OrdinalIgnoreCase) ? AxisMessageType.Status : AxisMessageType.Edoc;
}
