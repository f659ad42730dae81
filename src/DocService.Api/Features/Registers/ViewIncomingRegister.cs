using System.Globalization;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Reports;
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
        new("arrivedOn", "Ngày đến", 1.1),
        new("arrivalNumber", "Số đến", 0.8),
        new("author", "Tác giả", 2.2),
        new("code", "Số, ký hiệu", 1.4),
        new("date", "Ngày tháng", 1.1),
        new("typeAndSubject", "Tên loại và trích yếu nội dung", 4),
        new("assignedTo", "Đơn vị hoặc người nhận", 2),
        new("receivedBy", "Ký nhận", 1),
        new("dueDate", "Hạn giải quyết", 1.1),
        new("notes", "Ghi chú", 1.2),
    ];

    public sealed record Query(OrganId Organ, int Year, PageRequest? Paging) : IQuery<RegisterView>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate() => RegisterYears.Validate(Year).Concat(Paging?.Validate() ?? []);
    }

    public static void Map(RouteGroupBuilder registers) =>
        registers.MapGet("/incoming", async (
                    int? year, int? page, int? pageSize, string? format, HttpRequest request, CurrentUser user, TimeProvider clock, IMediator mediator,
                    CancellationToken ct) =>
                {
                    var export = ExportFormats.Choose(format, request);
                    var view = await mediator.Send(new Query(user.Organ, year ?? RegisterYears.Current(clock), RegisterPages.Paging(export, page, pageSize)), ct);
                    return RegisterPages.Answer(view, export, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "so-van-ban-den");
                })
            .Describe("The incoming register (sổ văn bản đến) of a year");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, RegisterView>
    {
        public ValueTask<RegisterView> Handle(Query query, CancellationToken ct)
        {
            var (from, to) = RegisterYears.Bounds(query.Year);
            var entries = db.OfOrgan(query.Organ)
                .Where(d => d.Kind == DocumentKind.Incoming && d.ArrivalNumber != null && d.ArrivedAt >= from && d.ArrivedAt < to)
                .OrderBy(d => d.ArrivalNumber).ThenBy(d => d.Id);
            return new(RegisterPages.ReadAsync(db, query.Organ, query.Year, query.Paging, entries, Columns, d => new Dictionary<string, string?>
            {
                ["arrivedOn"] = d.ArrivedAt is { } at ? RegisterYears.Day(VietnamTime.Today(at)) : null,
                ["arrivalNumber"] = d.ArrivalNumber?.ToString("00", CultureInfo.InvariantCulture),
                ["author"] = d.SenderOrganName,
                ["code"] = DocumentCode.Format(d.CodeNumber, d.CodeNotation),
                ["date"] = RegisterYears.Day(d.IssuedDate),
                ["typeAndSubject"] = $"{d.TypeName}: {d.Subject}",
                ["assignedTo"] = d.AssignedTo,
                ["receivedBy"] = null,
                ["dueDate"] = RegisterYears.Day(d.DueDate),
                ["notes"] = null,
            }, ct));
        }
    }
}
