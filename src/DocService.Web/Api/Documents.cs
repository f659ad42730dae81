using System.Text.Json;

namespace DocService.Web.Api;

// The API's JSON as the pages read it. Enums stay strings here: the pages only show them and send them back.

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record DocumentSummary(
    Guid Id, string Kind, string Status, string TypeName, string Subject, string? Code, DateOnly? IssuedDate, string Priority,
    DateTimeOffset UpdatedAt, string? Sender = null, int? ArrivalNumber = null, DateOnly? DueDate = null);

public sealed record DocumentView(
    Guid Id, string Kind, string OrganId, string Status, int Version, string TypeName, string Subject, string? Code, DateOnly? IssuedDate,
    SignerView? Signer, string Priority, DateOnly? DueDate, IReadOnlyList<string> Recipients, string? ToPlaces, IncomingView? Incoming,
    string? ReviewComment, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<RevisionView> Revisions,
    IReadOnlyList<string> AllowedActions)
{
    public bool Allows(string action) => AllowedActions.Contains(action);
}

public sealed record SignerView(string? Competence, string? Position, string FullName);

public sealed record IncomingView(int? ArrivalNumber, DateTimeOffset? ArrivedAt, string? SenderOrganId, string? SenderOrganName, string? SenderDocumentId,
    string? AssignedTo);

public sealed record RevisionView(int Number, string Sha256, long Size, string Author, string Reason, DateTimeOffset CreatedAt);

public sealed record RecipientView(string OrganId, RecipientTransport Transport, IReadOnlyList<RecipientStatus> Statuses, bool Removed = false);

public sealed record RecipientTransport(string State, int Attempts, string? LastError, string? AxisDocId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    string? Delivery, DateTimeOffset? DeliveryUpdatedAt);

public sealed record RecipientStatus(string Code, string? Description, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt);

public sealed record HistoryView(Guid DocumentId, IReadOnlyList<HistoryEvent> Events, IReadOnlyList<JsonElement> Assignments);

public sealed record HistoryEvent(long Sequence, DateTimeOffset At, string Actor, string? ActorName, string Action, JsonElement? Details, bool DetailsIntact);

public sealed record OrganView(string Id, string Name, string Abbreviation, string? ParentId, bool AxisEnabled, bool Active);

public sealed record ArrivalResult(DocumentView Document, ArrivalSignatures? Signatures);

public sealed record ArrivalSignatures(Guid VerificationId, string Indication, int Signatures);

public sealed record RegisterView(
    string OrganId, string? OrganName, int Year, IReadOnlyList<RegisterColumn> Columns, IReadOnlyList<Dictionary<string, string?>> Items,
    int Page, int PageSize, int Total);

public sealed record RegisterColumn(string Key, string Title);
