using System.Globalization;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Registers;

/// <summary>
/// Sổ đăng ký văn bản đến: the year's registered incoming documents by arrival number. Phụ lục IV's
/// nine columns plus the handling deadline (hạn giải quyết), which receiving clerks track beside them.
/// </summary>
public static class ViewIncomingRegister
{
    static readonly RegisterColumn[] Columns =
    [
        new("arrivedOn", "Ngày đến"),
        new("arrivalNumber", "Số đến"),
        new("author", "Tác giả"),
        new("code", "Số, ký hiệu"),
        new("date", "Ngày tháng"),
        new("typeAndSubject", "Tên loại và trích yếu nội dung"),
        new("assignedTo", "Đơn vị hoặc người nhận"),
        new("receivedBy", "Ký nhận"),
        new("dueDate", "Hạn giải quyết"),
        new("notes", "Ghi chú"),
    ];

    public sealed record Query(OrganId Organ, int Year) : IQuery<RegisterView>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate() => RegisterYears.Validate(Year);
    }

    public static void Map(RouteGroupBuilder registers) =>
        registers.MapGet("/incoming", async (int? year, CurrentUser user, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, year ?? RegisterYears.Current(clock)), ct))
            .RequireAuthorization(RegisterAccess.Policy)
            .WithSummary("The incoming register (sổ văn bản đến) of a year");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, RegisterView>
    {
        public async ValueTask<RegisterView> Handle(Query query, CancellationToken ct)
        {
            var (from, to) = RegisterYears.Bounds(query.Year);
            var documents = await db.OfOrgan(query.Organ)
                .Where(d => d.Kind == DocumentKind.Incoming && d.ArrivalNumber != null && d.ArrivedAt >= from && d.ArrivedAt < to)
                .OrderBy(d => d.ArrivalNumber)
                .ToListAsync(ct);
            var rows = documents.Select(d => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["arrivedOn"] = d.ArrivedAt is { } at ? VietnamTime.Today(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : null,
                ["arrivalNumber"] = d.ArrivalNumber?.ToString("00", CultureInfo.InvariantCulture),
                ["author"] = d.SenderOrganName,
                ["code"] = DocumentCode.Format(d.CodeNumber, d.CodeNotation),
                ["date"] = d.IssuedDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ["typeAndSubject"] = $"{d.TypeName}: {d.Subject}",
                ["assignedTo"] = d.AssignedTo,
                ["receivedBy"] = null,
                ["dueDate"] = d.DueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ["notes"] = null,
            }).ToList();
            return new RegisterView(query.Organ.Value, query.Year, Columns, rows);
        }
    }
}
