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
    /// Sends one edXML package (seekable: it is hashed, then streamed, and rewound for a retry).
    /// <paramref name="idempotencyKey"/> must be stable for the package (the outbox row id), so that
    /// a retry after a lost answer is recognised by the axis rather than sent twice.
    /// </summary>
    Task<SendEdocResult> SendEdocAsync(Stream package, AxisMessageType messageType, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Packages waiting for the calling organ (not yet acknowledged <c>done</c>).</summary>
    Task<IReadOnlyList<ReceivedEdocInfo>> GetReceivedEdocListAsync(CancellationToken ct = default);

    /// <summary>Downloads a package into <paramref name="destination"/>; its SHA-256 is checked when the axis gives one.</summary>
    Task<EdocDownload> GetEdocAsync(string docId, Stream destination, CancellationToken ct = default);

    /// <summary>Transport acknowledgement: <c>done</c> once the package is committed, <c>fail</c> to have it offered again.</summary>
    Task UpdateStatusAsync(string docId, TransportAck status, CancellationToken ct = default);

    /// <summary>What the calling organ sent, with the delivery state and last status code per recipient.</summary>
    Task<IReadOnlyList<SentEdocInfo>> GetSentEdocListAsync(CancellationToken ct = default);
}

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

/// <summary><paramref name="Duplicate"/>: the axis had already accepted this idempotency key.</summary>
public sealed record SendEdocResult(string DocId, bool Duplicate);

public sealed record ReceivedEdocInfo(string DocId, string From, AxisMessageType MessageType, DateTimeOffset Created);

public sealed record EdocDownload(string DocId, long Length, string Sha256);

public sealed record RecipientState(string OrganId, DeliveryState State, string? LastStatusCode, DateTimeOffset Updated);

public sealed record SentEdocInfo(
    string DocId, string? DocumentId, AxisMessageType MessageType, DateTimeOffset Created, IReadOnlyList<RecipientState> Recipients);

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
