using System.Collections.Concurrent;
using DocService.Exchange.Transport;

namespace DocService.AxisSimulator;

/// <summary>One package the axis accepted (the sender's copy, <see cref="DocId"/>) and its copies per recipient.</summary>
public sealed class AxisMessage
{
    public required string DocId { get; init; }
    public required string SenderOrganId { get; init; }
    public required AxisMessageType Kind { get; init; }
    /// <summary>The <c>messagetype</c> it was sent under (edoc, status, revocation, update, replacement).</summary>
    public required string MessageType { get; init; }
    public string? DocumentId { get; init; }
    public string? Title { get; init; }
    public string? Notation { get; init; }
    public required byte[] Package { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required Dictionary<string, Delivery> Deliveries { get; init; }
}

/// <summary>A recipient's copy: its own docId, and what the recipient did with it.</summary>
public sealed class Delivery
{
    public required string ReceiverDocId { get; init; }
    public required string OrganId { get; init; }
    /// <summary>What the recipient last reported with updateStatus, or <c>received</c> once it fetched the package; empty before.</summary>
    public string ReceiveStatus { get; set; } = "";
    public DateTimeOffset? ReceivedTime { get; set; }
    public DateTimeOffset Updated { get; set; }
    public bool RedeliveredOnce { get; set; }

    /// <summary>Still offered by getReceivedEdocList: neither acknowledged done nor refused as unreadable.</summary>
    public bool Waiting => ReceiveStatus is not ("done" or "fail");
}

/// <summary>An agency in the axis's directory.</summary>
public sealed record Agency(string Id, string Code, string? ParentCode, string Name, string? Mail, string? Mobile, string? Fax);

/// <summary>The simulator's memory: accepted packages and the agency directory. One lock guards it all; this is a development axis, not a fast one.</summary>
public sealed class AxisStore
{
    readonly Lock _lock = new();
    readonly List<AxisMessage> _messages = [];
    readonly Dictionary<string, (AxisMessage Message, Delivery Delivery)> _byReceiverDocId = [];
    long _nextId;

    /// <summary>Requests received per operation, faults included (tests count retries with it).</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>The directory, by agency code.</summary>
    public ConcurrentDictionary<string, Agency> Agencies { get; } = new();

    public T Locked<T>(Func<T> action)
    {
        lock (_lock)
            return action();
    }

    public IReadOnlyList<AxisMessage> Messages => Locked(() => _messages.ToList());

    public string NextDocId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Call under <see cref="Locked{T}"/>.</summary>
    public void Add(AxisMessage message)
    {
        _messages.Add(message);
        foreach (var delivery in message.Deliveries.Values)
            _byReceiverDocId[delivery.ReceiverDocId] = (message, delivery);
    }

    /// <summary>Call under <see cref="Locked{T}"/>.</summary>
    public IEnumerable<AxisMessage> All => _messages;

    /// <summary>Call under <see cref="Locked{T}"/>.</summary>
    public (AxisMessage Message, Delivery Delivery)? FindCopy(string receiverDocId) =>
        _byReceiverDocId.TryGetValue(receiverDocId, out var copy) ? copy : null;
}
