using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Persistence;
using RecipientStatus = DocService.Api.Infrastructure.Exchange.RecipientStatus;
using DocService.Exchange.Model;
using DocService.Exchange.Transport;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Exchange;

/// <summary>
/// What the sender sees of a dispatched document, per recipient: the transport state of its package (queued,
/// sent, retrying, refused by the axis) and, apart from it, the history of status codes the recipient reported.
/// </summary>
public static class GetRecipients
{
    /// <summary><c>State</c>: our outbox (queued, sent, retrying, refused); <c>Delivery</c>: the axis's word once sent (delivered, done, failed).</summary>
    public sealed record Transport(
        OutboxState State, int Attempts, string? LastError, string? AxisDocId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        DeliveryState? Delivery, DateTimeOffset? DeliveryUpdatedAt);

    public sealed record Status(string Code, string? Description, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt);

    /// <summary><c>Removed</c>: an update took the organ off the recipients after it was sent the document.</summary>
    public sealed record Recipient(string OrganId, Transport Transport, IReadOnlyList<Status> Statuses, bool Removed = false);

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapGet("/{id:guid}/recipients", Handle)
            .RequireAuthorization(Policies.Member)
            .Produces<IReadOnlyList<Recipient>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Per recipient of a dispatched document: transport state and the status codes it reported");

    /// <summary>
    /// The recipient's own timeline: packages may be taken from the axis out of order (one fails a round, the next
    /// does not), and the edXML timestamp has whole seconds, within which the codes follow the lifecycle. Each revoke
    /// request (13, recorded here) opens a round that the statuses received after it belong to, so a 16 and the next
    /// 13 of the same second stay in the order they happened.
    /// </summary>
    static IEnumerable<RecipientStatus> Timeline(IEnumerable<RecipientStatus> statuses)
    {
        var list = statuses.ToList();
        var requests = list.Where(s => s.Code == (int)StatusCode.RevokeRequested).Select(s => s.ReceivedAt).ToList();
        return list.OrderBy(s => requests.Count(r => r <= s.ReceivedAt)).ThenBy(s => s.Timestamp).ThenBy(s => s.Code).ThenBy(s => s.ReceivedAt);
    }

    static async Task<IResult> Handle(Guid id, DocServiceDb db, CurrentUser user, CancellationToken ct)
    {
        var document = await db.OfOrgan(user.Organ).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw Infrastructure.Errors.ApiException.NotFound($"Document {id}");
        var packages = await db.Outbox.AsNoTracking()
            .Where(m => m.OrganId == document.OrganId && m.DocumentId == id && m.MessageType == AxisMessageType.Edoc
                && (m.Business == BusinessDocType.New || m.Business == BusinessDocType.Replace))
            .ToListAsync(ct);
        var active = await new ExchangeOutbox(db).ActiveRecipientsAsync(document, ct);
        var statuses = (await db.RecipientStatuses.AsNoTracking().Where(s => s.OrganId == document.OrganId && s.DocumentId == id).ToListAsync(ct))
            .GroupBy(s => s.RecipientOrganId)
            .SelectMany(Timeline)
            .ToLookup(s => s.RecipientOrganId);
        var answer = packages.OrderBy(p => p.RecipientOrganId).Select(p => new Recipient(
            p.RecipientOrganId,
            new Transport(p.State, p.Attempts, p.LastError, p.AxisDocId, p.CreatedAt, p.SentAt, p.Delivery, p.DeliveryUpdatedAt),
            statuses[p.RecipientOrganId].Select(s => new Status(StatusPackage.Format((StatusCode)s.Code), s.Description, s.Timestamp, s.ReceivedAt)).ToList(),
            !active.Contains(p.RecipientOrganId)))
            .ToList();
        return TypedResults.Ok(answer);
    }
}
