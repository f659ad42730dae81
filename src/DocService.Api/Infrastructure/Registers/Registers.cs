using DocService.Api.Domain;

namespace DocService.Api.Infrastructure.Registers;

/// <summary>
/// Numbers in the outgoing and incoming registers: per organ, per calendar year (Vietnam time),
/// from 1, gap-free, unique under concurrency. Taken inside the caller's transaction, so the issue
/// step that takes a number and the document that carries it commit or roll back together.
/// </summary>
public sealed class Registers(SequenceAllocator sequences)
{
    public async Task<int> TakeNumberAsync(RegisterKind kind, OrganId organ, int year, CancellationToken ct) =>
        checked((int)await sequences.NextAsync(Key(kind, organ, year), ct));

    /// <summary>The number <see cref="TakeNumberAsync"/> would give next, the register locked until the caller commits.</summary>
    public async Task<int> PeekNextNumberAsync(RegisterKind kind, OrganId organ, int year, CancellationToken ct) =>
        checked((int)await sequences.PeekNextAsync(Key(kind, organ, year), ct));

    static string Key(RegisterKind kind, OrganId organ, int year) =>
        $"register/{kind.ToString().ToLowerInvariant()}/{organ.Value}/{year}";
}
