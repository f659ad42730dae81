using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Documents;

/// <summary>
/// The organ's documents, newest first, filtered by status, type, lateness and text. Text is matched the way people
/// type Vietnamese — without marks or case ("to cong tac" finds "Tổ công tác", "01/qd-ubnd" finds "01/QĐ-UBND") —
/// over the subject, type, number and notation, the sender and a structured draft's text.
/// </summary>
public static class ListDocuments
{
    public sealed record Summary(
        Guid Id, DocumentKind Kind, DocumentStatus Status, string TypeName, string Subject, string? Code,
        DateOnly? IssuedDate, Priority Priority, DateTimeOffset UpdatedAt, string? Sender = null, int? ArrivalNumber = null, DateOnly? DueDate = null);

    public sealed record Query(OrganId Organ, DocumentStatus? Status, string? Type, string? Text, PageRequest Paging, bool Overdue = false, DateOnly Today = default)
        : IQuery<PageOf<Summary>>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            foreach (var problem in Paging.Validate())
                yield return problem;
            if (Text is { Length: > 200 })
                yield return ("q", "Search text has at most 200 characters.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapGet("/", Handle)
            .RequireAuthorization(Policies.Member)
            .WithSummary("List the organ's documents")
            .WithDescription("Paged (`page` from 1, `pageSize` up to 100); `status`, `type` (tên loại) and `q` filter. `q` ignores case and "
                + "Vietnamese marks and searches subject, type, number/notation, sender and draft text. `overdue=true` lists the incoming "
                + "documents still open after their due date, most overdue first.");

    static async Task<PageOf<Summary>> Handle(
        DocumentStatus? status, string? type, string? q, bool? overdue, int? page, int? pageSize, CurrentUser user, TimeProvider clock,
        IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new Query(user.Organ, status, type, q, PageRequest.From(page, pageSize), overdue ?? false, VietnamTime.Today(clock.GetUtcNow())), ct);

    const string LikeEscape = "\\";

    /// <summary>What the user typed, matched literally: % and _ are not wildcards to them.</summary>
    static string Escape(string text) => text.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, PageOf<Summary>>
    {
        public async ValueTask<PageOf<Summary>> Handle(Query query, CancellationToken ct)
        {
            var documents = db.OfOrgan(query.Organ);
            if (query.Status is { } status)
                documents = documents.Where(d => d.Status == status);
            if (!string.IsNullOrWhiteSpace(query.Type))
                documents = documents.Where(d => d.TypeName == query.Type);
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var pattern = $"%{Escape(VietnameseText.Fold(query.Text.Trim()))}%";
                documents = documents.Where(d => EF.Functions.Like(d.SearchText, pattern, LikeEscape));
            }
            if (query.Overdue)
                documents = documents.Where(d => d.Kind == DocumentKind.Incoming && d.DueDate < query.Today
                    && d.Status != DocumentStatus.Completed && d.Status != DocumentStatus.Refused && d.Status != DocumentStatus.Withdrawn);

            var total = await documents.CountAsync(ct);
            var ordered = query.Overdue
                ? documents.OrderBy(d => d.DueDate).ThenBy(d => d.Id)
                : documents.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id);
            var rows = await ordered
                .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
                .Select(d => new
                {
                    d.Id, d.Kind, d.Status, d.TypeName, d.Subject, d.CodeNumber, d.CodeNotation, d.IssuedDate, d.Priority, d.UpdatedAt,
                    d.SenderOrganName, d.ArrivalNumber, d.DueDate,
                })
                .ToListAsync(ct);
            var items = rows.Select(d => new Summary(
                d.Id, d.Kind, d.Status, d.TypeName, d.Subject, DocumentCode.Format(d.CodeNumber, d.CodeNotation),
                d.IssuedDate, d.Priority, d.UpdatedAt, d.SenderOrganName, d.ArrivalNumber, d.DueDate)).ToList();
            return new PageOf<Summary>(items, query.Paging.Page, query.Paging.PageSize, total);
        }
    }
}
