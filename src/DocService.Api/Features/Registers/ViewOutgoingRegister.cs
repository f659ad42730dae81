using System.Globalization;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Registers;

/// <summary>Sổ đăng ký văn bản đi: the year's issued documents in number order, in the ten columns of Phụ lục IV.</summary>
public static class ViewOutgoingRegister
{
    static readonly RegisterColumn[] Columns =
    [
        new("code", "Số, ký hiệu văn bản"),
        new("date", "Ngày tháng văn bản"),
        new("typeAndSubject", "Tên loại và trích yếu nội dung văn bản"),
        new("signer", "Người ký"),
        new("recipients", "Nơi nhận văn bản"),
        new("fileCopyHolder", "Đơn vị, người nhận bản lưu"),
        new("copies", "Số lượng bản"),
        new("handedOverOn", "Ngày chuyển"),
        new("receivedBy", "Ký nhận"),
        new("notes", "Ghi chú"),
    ];

    public sealed record Query(OrganId Organ, int Year) : IQuery<RegisterView>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate() => RegisterYears.Validate(Year);
    }

    public static void Map(RouteGroupBuilder registers) =>
        registers.MapGet("/outgoing", async (int? year, CurrentUser user, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, year ?? RegisterYears.Current(clock)), ct))
            .RequireAuthorization(RegisterAccess.Policy)
            .WithSummary("The outgoing register (sổ văn bản đi) of a year");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, RegisterView>
    {
        public async ValueTask<RegisterView> Handle(Query query, CancellationToken ct)
        {
            var from = new DateOnly(query.Year, 1, 1);
            var to = new DateOnly(query.Year, 12, 31);
            var documents = await db.OfOrgan(query.Organ)
                .Where(d => d.Kind == DocumentKind.Outgoing && d.CodeNumber != null && d.IssuedDate >= from && d.IssuedDate <= to)
                .OrderBy(d => d.CodeNumber)
                .ToListAsync(ct);
            var rows = documents.Select(d => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["code"] = DocumentCode.Format(d.CodeNumber, d.CodeNotation),
                ["date"] = d.IssuedDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ["typeAndSubject"] = $"{d.TypeName}: {d.Subject}",
                ["signer"] = d.SignerFullName,
                ["recipients"] = d.ToPlaces ?? string.Join(", ", d.Recipients),
                ["fileCopyHolder"] = "VT",
                ["copies"] = null,
                ["handedOverOn"] = null,
                ["receivedBy"] = null,
                ["notes"] = null,
            }).ToList();
            return new RegisterView(query.Organ.Value, query.Year, Columns, rows);
        }
    }
}
