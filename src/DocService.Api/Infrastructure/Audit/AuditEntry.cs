using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocService.Api.Infrastructure.Audit;

/// <summary>
/// One link of the append-only audit chain: <see cref="Hash"/> covers every field and the previous
/// entry's hash, so editing or removing any row breaks every link after it.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    public string OrganId { get; init; } = "";
    public string Action { get; init; } = "";
    public string Target { get; init; } = "";
    public string PayloadSha256 { get; init; } = "";

    /// <summary>
    /// What was done, as recorded (the command's inputs as JSON: a comment, the fields changed). Outside the hash
    /// chain itself, but its SHA-256 is <see cref="PayloadSha256"/>, so an edit shows as a mismatch.
    /// </summary>
    public string? Payload { get; init; }
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";

    /// <summary>Whether <see cref="Payload"/> is still what was hashed when the entry was written.</summary>
    public bool PayloadIntact() =>
        Payload is not null && Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Payload))) == PayloadSha256;

    /// <summary>The hash this entry must carry, recomputed from its fields.</summary>
    public string ComputeHash() => ComputeHash(Sequence, At, Actor, OrganId, Action, Target, PayloadSha256, PreviousHash);

    public static string ComputeHash(
        long sequence, DateTimeOffset at, string actor, string organId, string action, string target, string payloadSha256, string previousHash)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" ≠ "a"+"bc").
        var canonical = string.Join('\u001f',
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcTicks.ToString(CultureInfo.InvariantCulture),
            actor, organId, action, target, payloadSha256, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
