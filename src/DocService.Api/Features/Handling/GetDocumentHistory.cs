using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Handling;

/// <summary>
/// Who did what to a document and when, with the words they wrote (a rejection's comment, an instruction, an
/// opinion), read from the audit log — so the history is exactly what the chain vouches for.
/// </summary>
public static class GetDocumentHistory
{
    public sealed record Event(long Sequence, DateTimeOffset At, string Actor, string? ActorName, string Action, JsonElement? Details, bool DetailsIntact);

    public sealed record Response(Guid DocumentId, IReadOnlyList<Event> Events, IReadOnlyList<AssignmentResponse> Assignments);

    public sealed record Query(OrganId Organ, Guid DocumentId) : IQuery<Response>;

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapGet("/{id:guid}/history", async (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, id), ct))
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A document's history: who did what, when, and what they wrote");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken ct)
        {
            var document = await db.FindAsync(query.Organ, query.DocumentId, ct);
            var organ = query.Organ.Value;
            var target = document.Id.ToString();
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.OrganId == organ && e.Target == target).OrderBy(e => e.Sequence).ToListAsync(ct);
            var actors = entries.Select(e => e.Actor).Distinct().ToList();
            var names = await db.Officials.AsNoTracking().Where(o => o.OrganId == organ && actors.Contains(o.UserName))
                .ToDictionaryAsync(o => o.UserName, o => o.FullName, ct);
            var handling = await HandlingResponse.ReadAsync(db, document, ct);
            return new Response(
                document.Id,
                entries.Select(e =>
                {
                    var view = Audit.AuditEntryView.From(e);
                    return new Event(e.Sequence, e.At, e.Actor, names.GetValueOrDefault(e.Actor), e.Action, view.Details, view.DetailsIntact);
                }).ToList(),
                handling.Assignments);
        }
    }
}
