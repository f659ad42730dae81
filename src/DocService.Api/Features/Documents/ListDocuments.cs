using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Documents;

/// <summary>The organ's documents, newest first, filtered by status, type and text.</summary>
public static class ListDocuments
{
    public sealed record Summary(
        Guid Id, DocumentKind Kind, DocumentStatus Status, string TypeName, string Subject, string? Code,
        DateOnly? IssuedDate, Priority Priority, DateTimeOffset UpdatedAt);

    public sealed record Query(OrganId Organ, DocumentStatus? Status, string? Type, string? Text, PageRequest Paging)
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
            .WithDescription("Paged (`page` from 1, `pageSize` up to 100); `status`, `type` (tên loại) and `q` (text in the subject) filter.");

    static async Task<PageOf<Summary>> Handle(
        DocumentStatus? status, string? type, string? q, int? page, int? pageSize, CurrentUser user, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new Query(user.Organ, status, type, q, PageRequest.From(page, pageSize)), ct);

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
                documents = documents.Where(d => d.Subject.Contains(query.Text));

            var total = await documents.CountAsync(ct);
            var rows = await documents
                .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
                .Select(d => new { d.Id, d.Kind, d.Status, d.TypeName, d.Subject, d.CodeNumber, d.CodeNotation, d.IssuedDate, d.Priority, d.UpdatedAt })
                .ToListAsync(ct);
            var items = rows.Select(d => new Summary(
                d.Id, d.Kind, d.Status, d.TypeName, d.Subject, DocumentCode.Format(d.CodeNumber, d.CodeNotation),
                d.IssuedDate, d.Priority, d.UpdatedAt)).ToList();
            return new PageOf<Summary>(items, query.Paging.Page, query.Paging.PageSize, total);
        }
    }
}
