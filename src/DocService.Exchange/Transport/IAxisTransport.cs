namespace DocService.Exchange.Transport;

/// <summary>
/// The national document connection axis (VDXP). Pull only: the service sends packages and polls
/// for those addressed to its organs; the axis never calls back. Business errors surface as
/// <see cref="AxisBusinessException"/> (never retried), exhausted transient failures as
/// <see cref="AxisUnavailableException"/>.
/// </summary>
public interface IAxisTransport
{
    /// <summary>
    /// Sends one edXML package (seekable: it is hashed, then streamed, and rewound for a retry). The axis knows no
    /// idempotency key: a retry after a lost answer may reach the recipient twice, and the recipient's inbox
    /// (axis docId, edXML DocumentId, status identity) absorbs it.
    /// </summary>
    Task<SendEdocResult> SendEdocAsync(Stream package, EdocEnvelope envelope, CancellationToken ct = default);

    /// <summary>Packages waiting for the calling system's organs (not yet acknowledged <c>done</c>), of every message type.</summary>
    Task<IReadOnlyList<ReceivedEdocInfo>> GetReceivedEdocListAsync(CancellationToken ct = default);

    /// <summary>Downloads a package into <paramref name="destination"/>; its SHA-256 is checked when the axis gives one.</summary>
    Task<EdocDownload> GetEdocAsync(string docId, Stream destination, CancellationToken ct = default);

    /// <summary>Transport acknowledgement: <c>done</c> once the package is committed, <c>fail</c> to have it offered again.</summary>
    Task UpdateStatusAsync(string docId, TransportAck status, CancellationToken ct = default);

    /// <summary>What became of one package we sent (<paramref name="docId"/> as <c>sendEdoc</c> answered), per recipient.</summary>
    Task<IReadOnlyList<RecipientState>> GetSentEdocListAsync(string docId, CancellationToken ct = default);
}

/// <summary>
/// What <c>sendEdoc</c> says of a package beside its bytes: its kind and business (the <c>messagetype</c>) and the
/// organs it is for (<c>to</c>).
/// </summary>
public sealed record EdocEnvelope(AxisMessageType Type, IReadOnlyList<string> To, Model.BusinessDocType Business = Model.BusinessDocType.New);

public enum AxisMessageType
{
    Edoc,
    Status,
}

public enum TransportAck
{
    Done,
    Fail,
}

/// <summary>Per-recipient transport state, separate from the business status codes.</summary>
public enum DeliveryState
{
    Pending,
    Delivered,
    Done,
    Failed,
}

public sealed record SendEdocResult(string DocId);

/// <summary><paramref name="To"/>: the organ this copy is for (the axis keeps one per recipient), when the axis says.</summary>
public sealed record ReceivedEdocInfo(string DocId, string From, AxisMessageType MessageType, DateTimeOffset Created, string? To = null);

public sealed record EdocDownload(string DocId, long Length, string Sha256);

/// <summary>
/// One recipient of a sent package as <c>getSentEdocList</c> tells it: <paramref name="ReceiveStatus"/> is the axis's
/// word as written (<c>done</c>, <c>fail</c>, <c>inbox</c> …), <paramref name="State"/> our reading of it.
/// </summary>
public sealed record RecipientState(
    string OrganId, DeliveryState State, string? ReceiverDocId, string? ReceiveStatus, DateTimeOffset? SentTime, DateTimeOffset? ReceivedTime);

/// <summary>The axis refused the request (bad signature, unknown organ, hash mismatch …). Retrying will not help.</summary>
public sealed class AxisBusinessException(string operation, string errorCode, string errorDescription, int httpStatus)
    : Exception($"The axis refused {operation}: {errorCode} {errorDescription}")
{
    public string Operation { get; } = operation;
    public string ErrorCode { get; } = errorCode;
    public string ErrorDescription { get; } = errorDescription;
    public int HttpStatus { get; } = httpStatus;
}

/// <summary>The axis could not be reached or kept failing after every retry.</summary>
public sealed class AxisUnavailableException(string operation, int attempts, Exception? last)
    : Exception($"The axis did not answer {operation} after {attempts} attempt(s): {last?.Message}", last)
{
    public string Operation { get; } = operation;
    public int Attempts { get; } = attempts;
}
