using System.Text.Json;
using System.Text.Json.Serialization;
using DocService.Api.Domain;
using DocService.Api.Domain.Handling;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>The events an organ's webhook hears, and the JSON body of each.</summary>
public static class NotificationEvents
{
    /// <summary>An incoming document was registered with its arrival number, from any channel.</summary>
    public const string Arrived = "document.arrived";
    /// <summary>An arrival over the axis was refused (status 02), e.g. because its signatures do not verify.</summary>
    public const string Refused = "document.refused";
    /// <summary>An incoming document was assigned to units or officials (the lead, or supporting ones added).</summary>
    public const string Assigned = "document.assigned";
    /// <summary>Its handling was completed (status 06).</summary>
    public const string Completed = "document.completed";
    /// <summary>An open incoming document's due date is near (<see cref="NotificationOptions.DueSoonDays"/>).</summary>
    public const string DueSoon = "document.due_soon";
    /// <summary>An open incoming document is past its due date.</summary>
    public const string Overdue = "document.overdue";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Arrived, Refused, Assigned, Completed, DueSoon, Overdue };

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record DocumentView(
        Guid Id, DocumentKind Kind, DocumentStatus Status, string TypeName, string Subject, string? Code, int? ArrivalNumber, DateTimeOffset? ArrivedAt,
        string? SenderOrganName, ArrivalChannel? ReceivedVia, DateOnly? DueDate, string? AssignedTo, DateTimeOffset? CompletedAt);

    public sealed record AssigneeView(AssignmentRole Role, string AssigneeName, Guid? UnitId, string? UserName, DateOnly? DueDate);

    public sealed record Body(
        Guid Id, string Type, DateTimeOffset OccurredAt, string OrganId, DocumentView Document, IReadOnlyList<AssigneeView>? Assignments = null);

    /// <summary>A delivery of <paramref name="type"/> about <paramref name="document"/>, its body written now, as the document is.</summary>
    public static NotificationDelivery For(
        string type, Document document, DateTimeOffset at, IReadOnlyList<Assignment>? assignments = null, string? onceKey = null)
    {
        var id = Guid.CreateVersion7();
        var view = new DocumentView(
            document.Id, document.Kind, document.Status, document.TypeName, document.Subject, DocumentCode.Format(document.CodeNumber, document.CodeNotation),
            document.ArrivalNumber, document.ArrivedAt, document.SenderOrganName, document.ReceivedVia, document.DueDate, document.AssignedTo, document.CompletedAt);
        var body = new Body(id, type, at, document.OrganId, view,
            assignments?.Select(a => new AssigneeView(a.Role, a.AssigneeName, a.UnitId, a.UserName, a.DueDate)).ToList());
        return new NotificationDelivery
        {
            Id = id,
            OrganId = document.OrganId,
            EventType = type,
            DocumentId = document.Id,
            Body = JsonSerializer.Serialize(body, Json),
            OnceKey = onceKey,
            State = NotificationState.Pending,
            CreatedAt = at,
            DueAt = at,
        };
    }
}
