using System.Security.Cryptography;
using System.Text.Json;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Audit;

/// <summary>Appends entries to the hash chain and checks it link by link.</summary>
public sealed class AuditChain(DocServiceDb db, SequenceAllocator sequences, TimeProvider clock)
{
    const string SequenceKey = "audit";

    /// <summary>Payloads are kept for auditors to read: camelCase names, enums by name.</summary>
    static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>
    /// Adds an entry to the caller's unit of work. Taking the sequence number locks the chain head
    /// until the caller commits, so the previous entry read here is the one that stays previous.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        var sequence = await sequences.NextAsync(SequenceKey, ct);
        var previousHash = sequence == 1
            ? AuditEntry.GenesisHash
            : await db.AuditEntries.Where(e => e.Sequence == sequence - 1).Select(e => e.Hash).SingleAsync(ct);

        var at = StorablePrecision(clock.GetUtcNow());
        var payload = JsonSerializer.SerializeToUtf8Bytes(record.Payload, PayloadJson);
        var payloadSha256 = Convert.ToHexStringLower(SHA256.HashData(payload));
        var entry = new AuditEntry
        {
            Sequence = sequence,
            At = at,
            Actor = record.Actor,
            OrganId = record.OrganId,
            Action = record.Action,
            Target = record.Target,
            PayloadSha256 = payloadSha256,
            Payload = System.Text.Encoding.UTF8.GetString(payload),
            PreviousHash = previousHash,
            Hash = AuditEntry.ComputeHash(sequence, at, record.Actor, record.OrganId, record.Action, record.Target, payloadSha256, previousHash),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Walks the whole chain in order and reports the first link that does not hold.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        long expectedSequence = 1;
        var previousHash = AuditEntry.GenesisHash;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var broken = entry.Sequence != expectedSequence ? $"entry {expectedSequence} is missing"
                : entry.PreviousHash != previousHash ? "its previous-hash does not match the entry before it"
                : entry.ComputeHash() != entry.Hash ? "its content does not match its hash"
                : null;
            if (broken is not null)
                return new AuditVerification(false, expectedSequence - 1, new BrokenLink(entry.Sequence, broken));

            previousHash = entry.Hash;
            expectedSequence++;
        }
        return new AuditVerification(true, expectedSequence - 1, null);
    }

    // PostgreSQL keeps microseconds and the SQLite encoding a tenth of a millisecond: hashing whole
    // milliseconds, which both store exactly, keeps the chain verifiable on either.
    static DateTimeOffset StorablePrecision(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}

/// <summary>What a command wants recorded.</summary>
public sealed record AuditRecord(string Actor, string OrganId, string Action, string Target, object Payload);

public sealed record AuditVerification(bool Valid, long EntriesVerified, BrokenLink? FirstBrokenLink);

public sealed record BrokenLink(long Sequence, string Reason);
