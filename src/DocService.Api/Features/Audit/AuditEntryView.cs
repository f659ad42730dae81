using System.Text.Json;
using DocService.Api.Infrastructure.Audit;

namespace DocService.Api.Features.Audit;

/// <summary>
/// An audit entry as auditors read it: the chained fields, and what was done (<see cref="Details"/>: the comment,
/// the fields changed), with whether those details still match the hash recorded in the chain.
/// </summary>
public sealed record AuditEntryView(
    long Sequence, DateTimeOffset At, string Actor, string OrganId, string Action, string Target, JsonElement? Details, bool DetailsIntact,
    string PayloadSha256, string PreviousHash, string Hash)
{
    public static AuditEntryView From(AuditEntry e) => new(
        e.Sequence, e.At, e.Actor, e.OrganId, e.Action, e.Target,
        e.Payload is null ? null : JsonDocument.Parse(e.Payload).RootElement.Clone(), e.PayloadIntact(),
        e.PayloadSha256, e.PreviousHash, e.Hash);
}
