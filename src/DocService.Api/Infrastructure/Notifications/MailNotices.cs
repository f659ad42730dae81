using System.Globalization;
using System.Text;
using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// The e-mails officials get: an assignment to them or to their unit, and the due-soon and overdue notices of what
/// they lead. Written in Vietnamese, one per address, to the officials of the organ who have an e-mail address.
/// </summary>
public static class MailNotices
{
    /// <summary>The active officials with an address among those assigned: named directly, or sitting in an assigned unit.</summary>
    public static async Task<List<string>> AddressesAsync(DbContext db, string organId, IEnumerable<(Guid? UnitId, string? UserName)> assignees, CancellationToken ct)
    {
        var list = assignees.ToList();
        var units = list.Where(a => a.UnitId is not null).Select(a => a.UnitId).ToList();
        var users = list.Where(a => a.UserName is not null).Select(a => a.UserName).ToList();
        if (units.Count == 0 && users.Count == 0)
            return [];
        return await db.Set<Official>().AsNoTracking()
            .Where(o => o.OrganId == organId && o.Active && o.Email != null && (users.Contains(o.UserName) || units.Contains(o.UnitId)))
            .Select(o => o.Email!).Distinct().ToListAsync(ct);
    }

    public static NotificationDelivery For(string type, Document document, string address, DateTimeOffset at, string? onceKey = null)
    {
        var code = DocumentCode.Format(document.CodeNumber, document.CodeNotation);
        var due = document.DueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var what = type switch
        {
            NotificationEvents.Assigned => "Văn bản được giao xử lý",
            NotificationEvents.DueSoon => "Văn bản sắp đến hạn giải quyết",
            NotificationEvents.Overdue => "Văn bản đã quá hạn giải quyết",
            _ => "Thông báo văn bản",
        };
        var text = new StringBuilder()
            .AppendLine($"{what}:")
            .AppendLine($"Trích yếu: {document.TypeName}: {document.Subject}")
            .AppendLine($"Số, ký hiệu: {code ?? "(chưa có)"}")
            .AppendLine($"Số đến: {document.ArrivalNumber?.ToString("00", CultureInfo.InvariantCulture) ?? "(chưa có)"}; nơi gửi: {document.SenderOrganName ?? "(không rõ)"}")
            .AppendLine($"Hạn giải quyết: {due ?? "(không có)"}")
            .AppendLine($"Mã văn bản: {document.Id}")
            .ToString();
        return new NotificationDelivery
        {
            Id = Guid.CreateVersion7(),
            OrganId = document.OrganId,
            EventType = type,
            Channel = NotificationChannel.Email,
            Recipient = address,
            Subject = $"[DocService] {what}: {code ?? document.Subject}",
            DocumentId = document.Id,
            Body = text,
            OnceKey = onceKey is null ? null : $"{onceKey}:{address}",
            State = NotificationState.Pending,
            CreatedAt = at,
            DueAt = at,
        };
    }

    /// <summary>The lead of each document (unit or official), for its deadline notices.</summary>
    public static async Task<Dictionary<Guid, (Guid? UnitId, string? UserName)>> LeadsAsync(DbContext db, IReadOnlyCollection<Guid> documents, CancellationToken ct) =>
        (await db.Set<Assignment>().AsNoTracking().Where(a => a.Role == AssignmentRole.Lead && documents.Contains(a.DocumentId))
            .Select(a => new { a.DocumentId, a.UnitId, a.UserName }).ToListAsync(ct))
        .GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => (g.First().UnitId, g.First().UserName));
}
