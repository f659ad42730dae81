using System.Globalization;
using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

public sealed record Caller(AxisSystem System, string OrganId);

/// <summary>Checks the VDXP header signature (<see cref="VdxpProtocol.Canonicalize"/>), the clock and the nonce.</summary>
public sealed class HmacAuthentication(IOptions<AxisOptions> options, AxisStore store, TimeProvider time)
{
    public (Caller? Caller, string? Error) Authenticate(string operation, IHeaderDictionary headers)
    {
        foreach (var required in VdxpProtocol.RequiredHeaders)
        {
            if (string.IsNullOrWhiteSpace(headers[required]))
                return (null, $"Header '{required}' is missing.");
        }
        var systemId = headers[VdxpProtocol.SystemId].ToString();
        var system = options.Value.Systems.FirstOrDefault(s => s.SystemId == systemId);
        if (system is null)
            return (null, "Unknown system.");

        var signed = VdxpProtocol.SignedHeaders
            .Where(name => headers.ContainsKey(name))
            .Select(name => KeyValuePair.Create(name, headers[name].ToString()));
        if (!VdxpProtocol.VerifySignature(system.Secret, VdxpProtocol.Canonicalize(operation, signed), headers[VdxpProtocol.Signature]))
            return (null, "The signature does not match the headers.");

        var now = time.GetUtcNow();
        if (!long.TryParse(headers[VdxpProtocol.Timestamp], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > VdxpProtocol.AllowedClockSkew)
            return (null, "The timestamp is outside the allowed clock skew.");
        if (!store.UseNonce(systemId, headers[VdxpProtocol.Nonce].ToString(), now, VdxpProtocol.AllowedClockSkew))
            return (null, "The nonce was already used (replay).");

        var organ = headers[VdxpProtocol.From].ToString();
        if (!system.OrganIds.Contains(organ))
            return (null, $"System {systemId} does not speak for organ {organ}.");
        return (new Caller(system, organ), null);
    }
}
