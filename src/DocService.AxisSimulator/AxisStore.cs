using System.Collections.Concurrent;
using DocService.Exchange.Transport;

namespace DocService.AxisSimulator;

/// <summary>One package the axis accepted, with its per-recipient delivery state.</summary>
public sealed class AxisMessage
{
    public required string DocId { get; init; }
    public required string SenderOrganId { get; init; }
    public required AxisMessageType MessageType { get; init; }
    public string? DocumentId { get; init; }
    public required byte[] Package { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required Dictionary<string, Delivery> Deliveries { get; init; }
}

public sealed class Delivery
{
    public DeliveryState State { get; set; } = DeliveryState.Pending;
    public string? LastStatusCode { get; set; }
    public DateTimeOffset Updated { get; set; }
    public bool RedeliveredOnce { get; set; }
}

/// <summary>
/// The simulator's memory: accepted packages, idempotency keys, seen nonces. One lock guards it
/// all; this is a development axis, not a fast one.
/// </summary>
public sealed class AxisStore
{
    readonly Lock _lock = new();
    readonly List<AxisMessage> _messages = [];
    readonly Dictionary<string, AxisMessage> _byIdempotencyKey = [];
    readonly Dictionary<string, DateTimeOffset> _nonces = [];
    long _nextId;

    /// <summary>Requests received per operation, faults included (tests count retries with it).</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public T Locked<T>(Func<T> action)
    {
        lock (_lock)
            return action();
    }

    public IReadOnlyList<AxisMessage> Messages => Locked(() => _messages.ToList());

    public string NextDocId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Call under <see cref="Locked{T}"/>.</summary>
    public AxisMessage? FindByKey(string key) => _byIdempotencyKey.GetValueOrDefault(key);

    /// <summary>Call under <see cref="Locked{T}"/>.</summary>
    public void Add(AxisMessage message, string? idempotencyKey)
    {
        _messages.Add(message);
        if (idempotencyKey is not null)
            _byIdempotencyKey[idempotencyKey] = message;
    }

    /// <summary>Call under <see cref="Locked{T}"/>.</summary>
    public IEnumerable<AxisMessage> All => _messages;

    /// <summary>False when the nonce was already used within the clock-skew window (a replay).</summary>
    public bool UseNonce(string systemId, string nonce, DateTimeOffset now, TimeSpan window) => Locked(() =>
    {
        foreach (var stale in _nonces.Where(n => now - n.Value > window * 2).Select(n => n.Key).ToList())
            _nonces.Remove(stale);
        return _nonces.TryAdd(systemId + "|" + nonce, now);
    });
}
