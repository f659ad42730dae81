using System.Text.Json;
using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>The authenticated system and the parameters it signed (prefixed names).</summary>
public sealed record Caller(AxisSystem System, IReadOnlyDictionary<string, string> Signed)
{
    /// <summary>A signed parameter, its name in any case (callers write docId and docid alike); empty when not signed.</summary>
    public string Parameter(string name) =>
        Signed.FirstOrDefault(h => string.Equals(h.Key, VdxpProtocol.Prefix + name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
}

/// <summary>
/// Checks a request as the deployed axis does: the hash-header is the HMAC of the sign-header exactly as sent, under
/// the secret of the system the sign-header names; the sign-header lists exactly the keys of the key list, each
/// sent as its own <c>XroadVnpt-</c> header with the same value; <c>systemid</c> and <c>timestamp</c> are among them.
/// The SDK stamps its timestamp once per service object and reuses it, so the axis cannot hold it to a clock window,
/// and neither does this one: it only has to be in the SDK's format.
/// </summary>
public sealed class SdkAuthentication(IOptions<AxisOptions> options)
{
    public (Caller? Caller, string? Error) Authenticate(IHeaderDictionary headers)
    {
        var keyList = headers[VdxpProtocol.SignHeaderKey].ToString();
        var signHeader = headers[VdxpProtocol.SignHeader].ToString();
        var hash = headers[VdxpProtocol.HashHeader].ToString();
        if (keyList.Length == 0 || signHeader.Length == 0 || hash.Length == 0)
            return (null, $"{VdxpProtocol.SignHeaderKey}, {VdxpProtocol.SignHeader} and {VdxpProtocol.HashHeader} are required.");

        Dictionary<string, string>? signed;
        try
        {
            signed = JsonSerializer.Deserialize<Dictionary<string, string>>(signHeader);
        }
        catch (JsonException)
        {
            return (null, $"{VdxpProtocol.SignHeader} is not a JSON object of strings.");
        }
        var keys = keyList.Split(';');
        if (signed is null || signed.Count != keys.Length || keys.Any(k => !signed.ContainsKey(VdxpProtocol.Prefix + k)))
            return (null, $"{VdxpProtocol.SignHeader} does not hold exactly the keys of {VdxpProtocol.SignHeaderKey}.");
        if (!keys.Contains(VdxpProtocol.SystemId) || !keys.Contains(VdxpProtocol.Timestamp))
            return (null, "systemid and timestamp must be signed.");

        var systemId = signed[VdxpProtocol.Prefix + VdxpProtocol.SystemId];
        var system = options.Value.Systems.FirstOrDefault(s => s.SystemId == systemId);
        if (system is null)
            return (null, $"Unknown system {systemId}.");
        if (!VdxpProtocol.VerifyHash(system.Secret, signHeader, hash))
            return (null, $"{VdxpProtocol.HashHeader} is not the HMAC of {VdxpProtocol.SignHeader} under the system's secret.");
        foreach (var key in keys)
        {
            var name = VdxpProtocol.Prefix + key;
            if (!headers.TryGetValue(name, out var sent) || sent.ToString() != signed[name])
                return (null, $"Header {name} is missing or differs from its signed value.");
        }
        if (!VdxpProtocol.TryParseTimestamp(signed[VdxpProtocol.Prefix + VdxpProtocol.Timestamp], out _))
            return (null, "The timestamp is not in the SDK's format ddMMyyyy'T'HHmmss+SSSS.");
        return (new Caller(system, signed), null);
    }
}
