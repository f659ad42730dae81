using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Model;
using DocService.Exchange.Transport;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Statistics;

/// <summary>
/// The figures provincial reports quote, for the caller's organ over [from, to] (dates in Vietnam time, both
/// included). Outgoing: issued in the period, of those sent over the axis, and of those acknowledged (03) by every
/// recipient. Incoming: arrived in the period, of those processed (06), on time or late against their due date, and
/// those still open past their due date at the end of the period.
/// </summary>
public static class GetStatistics
{
    public sealed record Outgoing(int Issued, int Sent, int Acknowledged);

    public sealed record Incoming(int Received, int Processed, int OnTime, int Late, int OverdueOpen);

    public sealed record Response(DateOnly From, DateOnly To, string OrganId, Outgoing Outgoing, Incoming Incoming);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stats", Handle)
            .WithTags("Statistics")
            .RequireAuthorization(Policies.Member)
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Outgoing and incoming document figures for a period");

    static async Task<IResult> Handle(DateOnly from, DateOnly to, DocServiceDb db, CurrentUser user, CancellationToken ct)
    {
        if (to < from)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["to"] = ["to must not be before from."] });
        var organ = user.Organ.Value;
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();

        var issued = await db.Documents.AsNoTracking()
            .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Outgoing && d.IssuedDate >= from && d.IssuedDate <= to)
            .Select(d => d.Id).ToListAsync(ct);
        var packages = await db.Outbox.AsNoTracking()
            .Where(m => m.OrganId == organ && m.MessageType == AxisMessageType.Edoc && issued.Contains(m.DocumentId!.Value)
                && (m.Business == BusinessDocType.New || m.Business == BusinessDocType.Replace)) // not revoke or update packages
            .Select(m => new { m.DocumentId, m.RecipientOrganId, m.State }).ToListAsync(ct);
        var accepted = (await db.RecipientStatuses.AsNoTracking()
                .Where(s => s.OrganId == organ && issued.Contains(s.DocumentId) && s.Code >= (int)StatusCode.Accepted && s.Code <= (int)StatusCode.Completed)
                .Select(s => new { s.DocumentId, s.RecipientOrganId }).ToListAsync(ct))
            .Select(s => (s.DocumentId, s.RecipientOrganId)).ToHashSet();
        var byDocument = packages.GroupBy(p => p.DocumentId!.Value).ToList();
        var outgoing = new Outgoing(
            issued.Count,
            byDocument.Count(g => g.Any(p => p.State == OutboxState.Sent)),
            byDocument.Count(g => g.All(p => accepted.Contains((g.Key, p.RecipientOrganId)))));

        var incoming = await db.Documents.AsNoTracking()
            .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Incoming && d.ArrivedAt >= start && d.ArrivedAt < end)
            .Select(d => new { d.Status, d.DueDate, d.UpdatedAt }).ToListAsync(ct);
        var completed = incoming.Where(d => d.Status == DocumentStatus.Completed).ToList();
        bool OnTime(DateOnly? due, DateTimeOffset done) => due is null || VietnamTime.Today(done) <= due;
        return TypedResults.Ok(new Response(from, to, organ, outgoing, new Incoming(
            incoming.Count,
            completed.Count,
            completed.Count(d => OnTime(d.DueDate, d.UpdatedAt)),
            completed.Count(d => !OnTime(d.DueDate, d.UpdatedAt)),
            incoming.Count(d => d.Status is not (DocumentStatus.Completed or DocumentStatus.Refused or DocumentStatus.Withdrawn) && d.DueDate is { } due && due < to))));
    }
}
