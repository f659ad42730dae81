using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocService.Exchange.Model;

namespace DocService.Exchange.Transport;

/// <summary>
/// The wire protocol of the national document axis as the Government Office's SDK (SDKVXP) speaks it, and so as
/// the deployed axis verifies it:
/// <list type="bullet">
/// <item><c>POST {endpoint}/{operation}</c>; every parameter is an HTTP header.</item>
/// <item>The plain headers — <c>timestamp</c>, <c>systemid</c>, <c>Content-Type</c> and the operation's own — go out
/// prefixed <c>XroadVnpt-</c>, in the iteration order of the SDK's <c>java.util.HashMap</c> (<see cref="SdkOrder"/>);
/// <c>Content-Type</c> also goes out plain.</item>
/// <item><c>XroadVnpt-sign-header-key</c>: the plain names joined by <c>;</c>; <c>XroadVnpt-sign-header</c>: a compact
/// JSON object of prefixed name → value in the same order, written as Gson writes it (<see cref="SignHeaderJson"/>);
/// <c>XroadVnpt-hash-header</c>: lowercase hex of HMAC-SHA256(key = UTF-8(secret), data = UTF-8(sign-header)).</item>
/// <item><c>User-Agent: JAVASDKAgent/1.0.0 XRoad/VPCP</c> and <c>XroadVnpt-version: 3.0.201608</c>.</item>
/// </list>
/// </summary>
public static class VdxpProtocol
{
    public const string SendEdoc = "sendEdoc";
    public const string GetReceivedEdocList = "getReceivedEdocList";
    public const string GetEdoc = "getEdoc";
    public const string UpdateStatus = "updateStatus";
    public const string GetSentEdocList = "getSentEdocList";
    public const string GetAgenciesList = "getAgenciesList";
    public const string RegisterAgency = "registerAgency";

    public static readonly IReadOnlyList<string> Operations =
        [SendEdoc, GetReceivedEdocList, GetEdoc, UpdateStatus, GetSentEdocList, GetAgenciesList, RegisterAgency];

    /// <summary>What <c>Axis:Protocol</c> names: the only protocol the national axis speaks.</summary>
    public const string Name = "SDKVXP";

    public const string Prefix = "XroadVnpt-";

    // Plain header names, as the SDK and its callers spell them.
    public const string SystemId = "systemid";
    public const string Timestamp = "timestamp";
    public const string ContentType = "Content-Type";
    public const string From = "from";
    public const string ServiceType = "servicetype";
    public const string MessageType = "messagetype";
    public const string To = "to";
    public const string HashFile = "hash-file";
    /// <summary><c>getEdoc</c> and <c>getSentEdocList</c> name the package <c>docId</c> …</summary>
    public const string DocId = "docId";
    /// <summary>… <c>updateStatus</c> callers <c>docid</c>.</summary>
    public const string StatusDocId = "docid";
    public const string Status = "status";

    public const string SignHeaderKey = Prefix + "sign-header-key";
    public const string SignHeader = Prefix + "sign-header";
    public const string HashHeader = Prefix + "hash-header";
    public const string VersionHeader = Prefix + "version";
    public const string Version = "3.0.201608";
    public const string UserAgent = "JAVASDKAgent/1.0.0 XRoad/VPCP";

    public const string EdocServiceType = "eDoc";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";

    /// <summary>The message types a receiver polls for (the business types travel under their own names).</summary>
    public static readonly IReadOnlyList<string> MessageTypes = ["edoc", "status", "revocation", "update", "replacement"];

    /// <summary>
    /// The SDK's <c>ddMMyyyy'T'HHmmss+SSSS</c> in Vietnam time (the axis's and its SDK's zone): <c>+</c> is a
    /// literal and <c>SSSS</c> the milliseconds on four digits, e.g. <c>01012026T070000+0042</c>.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset at)
    {
        var local = at.ToOffset(TimeSpan.FromHours(7));
        return local.ToString("ddMMyyyy'T'HHmmss", CultureInfo.InvariantCulture) + "+" + local.Millisecond.ToString("0000", CultureInfo.InvariantCulture);
    }

    public static bool TryParseTimestamp(string? value, out DateTimeOffset at)
    {
        at = default;
        if (value is not { Length: 20 } || value[15] != '+'
            || !DateTime.TryParseExact(value[..15], "ddMMyyyy'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !int.TryParse(value.AsSpan(16), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 999)
            return false;
        at = new DateTimeOffset(local.AddMilliseconds(ms), TimeSpan.FromHours(7));
        return true;
    }

    /// <summary>
    /// <c>hash-file</c> as the SDK writes it: each byte of the SHA-256 as <c>Integer.toHexString(0xFF &amp; b)</c>,
    /// lowercase and without zero padding (0x0A is <c>a</c>, 0x00 is <c>0</c>), so usually fewer than 64 characters.
    /// </summary>
    public static string FormatHashFile(ReadOnlySpan<byte> sha256)
    {
        var text = new StringBuilder(64);
        foreach (var b in sha256)
            text.Append(b.ToString("x", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>
    /// Whether <paramref name="hashFile"/> names <paramref name="sha256"/>: the SDK's unpadded form, or the usual
    /// 64-digit one, any case (receivers built for other clients see both).
    /// </summary>
    public static bool HashFileMatches(string? hashFile, ReadOnlySpan<byte> sha256) =>
        hashFile is not null && (string.Equals(hashFile.Trim(), FormatHashFile(sha256), StringComparison.OrdinalIgnoreCase)
                                 || string.Equals(hashFile.Trim(), Convert.ToHexString(sha256), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The order in which the SDK's <c>HashMap&lt;String, String&gt;</c> iterates its headers, given the order they were put:
    /// by bucket (<c>(h ^ (h &gt;&gt;&gt; 16)) &amp; (capacity - 1)</c> of Java's <c>String.hashCode</c>, capacity 16 doubled
    /// past a load of 0.75), then by insertion within a bucket. The sign-header key list and JSON follow it.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SdkOrder(IEnumerable<KeyValuePair<string, string>> inserted)
    {
        var list = inserted.ToList();
        var capacity = 16;
        while (list.Count > capacity * 3 / 4)
            capacity *= 2;
        return list.Select((h, i) => (Header: h, Bucket: JavaHash(h.Key) & (capacity - 1), Index: i))
            .OrderBy(x => x.Bucket).ThenBy(x => x.Index).Select(x => x.Header).ToList();
    }

    /// <summary><c>HashMap.hash(key)</c>: Java's <c>String.hashCode</c> over UTF-16 units, its high half folded in.</summary>
    internal static int JavaHash(string key)
    {
        var h = 0;
        foreach (var c in key)
            h = unchecked(31 * h + c);
        return h ^ (int)((uint)h >> 16);
    }

    /// <summary>
    /// The sign-header: <c>{"XroadVnpt-name":"value",…}</c> with no white space, strings escaped as Gson's
    /// <c>JsonObject.toString()</c> does (<c>"</c> and <c>\</c> escaped, control characters as <c>\n</c>-style or
    /// <c>\u00xx</c>, U+2028/U+2029 escaped, nothing else: no HTML escaping, non-ASCII as is).
    /// </summary>
    public static string SignHeaderJson(IEnumerable<KeyValuePair<string, string>> ordered)
    {
        var json = new StringBuilder("{");
        foreach (var (name, value) in ordered)
        {
            if (json.Length > 1)
                json.Append(',');
            AppendGsonString(json, Prefix + name).Append(':');
            AppendGsonString(json, value);
        }
        return json.Append('}').ToString();
    }

    static StringBuilder AppendGsonString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\f': json.Append("\\f"); break;
                case '\u2028': json.Append("\\u2028"); break;
                case '\u2029': json.Append("\\u2029"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"');
    }

    /// <summary><c>XroadVnpt-hash-header</c>: lowercase hex of HMAC-SHA256 under the system's secret, over the sign-header as sent.</summary>
    public static string ComputeHash(string secret, string signHeader) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signHeader)));

    /// <summary>Constant-time comparison of a received hash-header with the expected one (hex in any case).</summary>
    public static bool VerifyHash(string secret, string signHeader, string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
            return false;
        var expected = Encoding.ASCII.GetBytes(ComputeHash(secret, signHeader));
        var actual = Encoding.ASCII.GetBytes(hash.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>
    /// Every header of one request, in the order sent: the prefixed plain headers, <c>Content-Type</c>, the key list,
    /// the sign-header and its hash, the agent and version. <paramref name="operationHeaders"/> in the order the
    /// caller puts them (after <c>timestamp</c>, <c>systemid</c> and <c>Content-Type</c>, as the SDK does).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        string systemId, string secret, DateTimeOffset at, string contentType, IEnumerable<KeyValuePair<string, string>> operationHeaders)
    {
        var plain = new List<KeyValuePair<string, string>>
        {
            new(Timestamp, FormatTimestamp(at)),
            new(SystemId, systemId),
            new(ContentType, contentType),
        };
        foreach (var header in operationHeaders)
        {
            // A name put twice keeps its place and takes the last value, as in a HashMap.
            var index = plain.FindIndex(p => p.Key == header.Key);
            if (index >= 0)
                plain[index] = header;
            else
                plain.Add(header);
        }
        var ordered = SdkOrder(plain);
        var signHeader = SignHeaderJson(ordered);
        var wire = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in ordered)
        {
            if (name == ContentType)
                wire.Add(new(ContentType, value));
            wire.Add(new(Prefix + name, value));
        }
        wire.Add(new(SignHeaderKey, string.Join(';', ordered.Select(h => h.Key))));
        wire.Add(new(SignHeader, signHeader));
        wire.Add(new(HashHeader, ComputeHash(secret, signHeader)));
        wire.Add(new("User-Agent", UserAgent));
        wire.Add(new(VersionHeader, Version));
        return wire;
    }

    /// <summary>The <c>messagetype</c> of a package: <c>status</c>, <c>edoc</c>, or the business type's own name.</summary>
    public static string FormatMessageType(AxisMessageType type, BusinessDocType business = BusinessDocType.New) => type switch
    {
        AxisMessageType.Status => "status",
        _ => business switch
        {
            BusinessDocType.Revoke => "revocation",
            BusinessDocType.Update => "update",
            BusinessDocType.Replace => "replacement",
            _ => "edoc",
        },
    };

    public static AxisMessageType ParseMessageType(string? value) =>
        string.Equals(value, "status", StringComparison.OrdinalIgnoreCase) ? AxisMessageType.Status : AxisMessageType.Edoc;
}
