using DocService.Exchange.Transport;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>Transport state of one outgoing message (DESIGN §7: separate from the business status codes).</summary>
public enum OutboxState
{
    /// <summary>Waiting for its first attempt, or for an earlier message to the same recipient.</summary>
    Pending,
    /// <summary>A worker holds the lease and is sending it.</summary>
    Sending,
    /// <summary>The axis accepted it (<see cref="OutboxMessage.AxisDocId"/>).</summary>
    Sent,
    /// <summary>The last attempt failed transiently; the next one is due at <see cref="OutboxMessage.DueAt"/>.</summary>
    Failed,
    /// <summary>The axis refused it (a business error): never retried.</summary>
    Rejected,
}

/// <summary>
/// One message for one recipient on the axis: a document package (dispatch) or a status package answering a
/// document we received. Written in the transaction of the command that decided to send it; its id is the
/// key of our retries; the axis knows no idempotency key, so a send whose answer was lost may arrive twice, and the
/// recipient's inbox absorbs it.
/// Messages to the same recipient about the same document leave in order (<see cref="CreatedAt"/>, <see cref="Ordinal"/>).
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }
    /// <summary>The organ sending.</summary>
    public string OrganId { get; private set; } = "";
    /// <summary>Our document: the one dispatched, or the incoming one a status answers (null when none was stored).</summary>
    public Guid? DocumentId { get; private set; }
    public string RecipientOrganId { get; private set; } = "";
    public AxisMessageType MessageType { get; private set; }

    /// <summary>The edXML DocumentId: ours for a package, the sender's for a status.</summary>
    public string EdXmlDocumentId { get; private set; } = "";

    /// <summary>A document package's business (edXML <c>BussinessDocType</c>): new, revoke, update; its reason is <see cref="Description"/>.</summary>
    public DocService.Exchange.Model.BusinessDocType Business { get; private set; }

    /// <summary>An update package's receiver list: <c>organ:1</c> added, <c>organ:0</c> removed, separated by <c>;</c>.</summary>
    public string? ReceiverChanges { get; private set; }

    /// <summary>A replace package's replacement info: the edXML DocumentId replaced, <c>|</c>, the organs it was sent to separated by <c>;</c>.</summary>
    public string? Replaces { get; private set; }

    // A status package: the code, its reason, and how the answered document was numbered.
    public int? StatusCode { get; private set; }
    public string? Description { get; private set; }
    public string? ResponseForCode { get; private set; }
    public DateOnly? ResponseForDate { get; private set; }

    public int Ordinal { get; private set; }
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public Guid? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? AxisDocId { get; private set; }

    /// <summary>What the axis says of it once sent (getSentEdocList): delivered to the recipient, acknowledged done, failed.</summary>
    public DeliveryState? Delivery { get; private set; }
    public DateTimeOffset? DeliveryUpdatedAt { get; private set; }

    OutboxMessage() { }

    public static OutboxMessage Package(string organId, Guid documentId, string recipient, string edXmlDocumentId, DateTimeOffset at,
        DocService.Exchange.Model.BusinessDocType business = DocService.Exchange.Model.BusinessDocType.New, string? reason = null,
        string? receiverChanges = null, int ordinal = 0, string? replaces = null) => new()
    {
        Replaces = replaces,
        Business = business,
        Description = reason,
        ReceiverChanges = receiverChanges,
        Ordinal = ordinal,
        Id = Guid.CreateVersion7(),
        OrganId = organId,
        DocumentId = documentId,
        RecipientOrganId = recipient,
        MessageType = AxisMessageType.Edoc,
        EdXmlDocumentId = edXmlDocumentId,
        State = OutboxState.Pending,
        CreatedAt = at,
        DueAt = at,
    };

    public static OutboxMessage Status(
        string organId, Guid? documentId, string recipient, string answeredDocumentId, string? answeredCode, DateOnly? answeredDate,
        DocService.Exchange.Model.StatusCode code, string? description, int ordinal, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(),
            OrganId = organId,
            DocumentId = documentId,
            RecipientOrganId = recipient,
            MessageType = AxisMessageType.Status,
            EdXmlDocumentId = answeredDocumentId,
            ResponseForCode = answeredCode,
            ResponseForDate = answeredDate,
            StatusCode = (int)code,
            Description = description,
            Ordinal = ordinal,
            State = OutboxState.Pending,
            CreatedAt = at,
            DueAt = at,
        };
}

/// <summary>
/// One package taken from the axis, keyed by the axis docId: a package offered again (a lost acknowledgement)
/// is acknowledged without being processed twice. A document package seen under a new docId is recognised by its
/// edXML DocumentId (the incoming document's <c>SenderDocumentId</c>).
/// </summary>
public sealed class InboxMessage
{
    public Guid Id { get; init; }
    /// <summary>The organ receiving.</summary>
    public string OrganId { get; init; } = "";
    public string AxisDocId { get; init; } = "";
    public AxisMessageType MessageType { get; init; }
    public string? SenderOrganId { get; init; }
    public string? EdXmlDocumentId { get; set; }
    /// <summary>The document it created or concerns.</summary>
    public Guid? DocumentId { get; set; }
    /// <summary>What was done: registered, refused, duplicate, status, ignored, malformed.</summary>
    public string Outcome { get; set; } = "";
    public string? Detail { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How many times the axis offered it: more than once when an acknowledgement was lost.</summary>
    public int Deliveries { get; init; } = 1;
}

/// <summary>A status code a recipient reported for a document we sent (the business state the sender sees).</summary>
public sealed class RecipientStatus
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public Guid DocumentId { get; init; }
    public string RecipientOrganId { get; init; } = "";
    public int Code { get; init; }
    public string? Description { get; init; }
    /// <summary>When the recipient says it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string AxisDocId { get; init; } = "";
}
