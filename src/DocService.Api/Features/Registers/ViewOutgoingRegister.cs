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

/// <summary>Sổ đăng ký văn bản đi: the year's issued documents in number order, in the ten columns of Phụ lục IV.</summary>
public static class ViewOutgoingRegister
{
    static readonly RegisterColumn[] Columns =
    [
        new("code", "Số, ký hiệu văn bản", 1.4),
        new("date", "Ngày tháng văn bản", 1.1),
        new("typeAndSubject", "Tên loại và trích yếu nội dung văn bản", 4),
        new("signer", "Người ký", 1.6),
        new("recipients", "Nơi nhận văn bản", 2.4),
        new("fileCopyHolder", "Đơn vị, người nhận bản lưu", 1.3),
        new("copies", "Số lượng bản", 0.8),
        new("handedOverOn", "Ngày chuyển", 1),
        new("receivedBy", "Ký nhận", 1),
        new("notes", "Ghi chú", 1.2),
    ];

    public sealed record Query(OrganId Organ, int Year, PageRequest? Paging) : IQuery<RegisterView>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate() => RegisterYears.Validate(Year).Concat(Paging?.Validate() ?? []);
    }

    public static void Map(RouteGroupBuilder registers) =>
        registers.MapGet("/outgoing", async (
                    int? year, int? page, int? pageSize, string? format, HttpRequest request, CurrentUser user, TimeProvider clock, IMediator mediator,
                    CancellationToken ct) =>
                {
                    var export = ExportFormats.Choose(format, request);
                    var view = await mediator.Send(new Query(user.Organ, year ?? RegisterYears.Current(clock), RegisterPages.Paging(export, page, pageSize)), ct);
                    return RegisterPages.Answer(view, export, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "so-van-ban-di");
                })
            .Describe("The outgoing register (sổ văn bản đi) of a year");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, RegisterView>
    {
        public ValueTask<RegisterView> Handle(Query query, CancellationToken ct)
        {
            var from = new DateOnly(query.Year, 1, 1);
            var to = new DateOnly(query.Year, 12, 31);
            var entries = db.OfOrgan(query.Organ)
                .Where(d => d.Kind == DocumentKind.Outgoing && d.CodeNumber != null && d.IssuedDate >= from && d.IssuedDate <= to)
                .OrderBy(d => d.CodeNumber).ThenBy(d => d.Id);
            return new(RegisterPages.ReadAsync(db, query.Organ, query.Year, query.Paging, entries, Columns, d => new Dictionary<string, string?>
            {
                ["code"] = DocumentCode.Format(d.CodeNumber, d.CodeNotation),
                ["date"] = RegisterYears.Day(d.IssuedDate),
                ["typeAndSubject"] = $"{d.TypeName}: {d.Subject}",
                ["signer"] = d.SignerFullName,
                ["recipients"] = d.ToPlaces ?? string.Join(", ", d.Recipients),
                ["fileCopyHolder"] = "VT",
                ["copies"] = null,
                ["handedOverOn"] = null,
                ["receivedBy"] = null,
                ["notes"] = null,
            }, ct));
        }
    }
}
