using System.Globalization;
using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Features.Registers;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Reports;
using DocService.Exchange.Model;
using DocService.Exchange.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Statistics;

public enum StatisticsGrouping
{
    Unit,     // the lead unit of an arrival, the drafter's unit of an outgoing document
    Official, // the official leading an arrival, the drafter of an outgoing document
    Type,     // tên loại
    Month,    // the month it arrived or was begun
}

/// <summary>
/// The figures agencies report, for the caller's organ over [from, to] (days in Vietnam time, both included), in
/// total and per group. The documents counted are those that arrived (incoming) or were begun (outgoing) in the
/// period; of them, processed (incoming: handling completed; outgoing: issued) by the end of the period, on time or
/// late — the completion day against the due date, a document without a due date being on time — and those still in
/// progress, overdue or not yet due as of the end of the period (or today, for a period not yet over). Refused and
/// withdrawn arrivals count as received only. A report of a closed period therefore never changes.
/// </summary>
public static class GetStatistics
{
    public sealed record Incoming(int Received, int Processed, int OnTime, int Late, int InProgress, int Overdue, int NotYetDue);

    /// <summary>Outgoing documents: begun, issued (their processing), and of the issued those sent over the axis and acknowledged (03) by every recipient.</summary>
    public sealed record Outgoing(int Created, int Issued, int OnTime, int Late, int InProgress, int Overdue, int NotYetDue, int Sent, int Acknowledged);

    /// <summary>A group's figures; <see cref="Key"/> is the unit id, user name, type name or yyyy-MM, null for documents the grouping does not place.</summary>
    public sealed record Group(string? Key, string Name, Outgoing Outgoing, Incoming Incoming);

    public sealed record Response(
        DateOnly From, DateOnly To, string OrganId, string? OrganName, StatisticsGrouping? GroupBy, Outgoing Outgoing, Incoming Incoming, IReadOnlyList<Group> Groups);

    /// <summary>What a document the grouping cannot place is listed under.</summary>
    public const string Unplaced = "Chưa xác định";

    /// <summary>Long enough for a five-year plan's report, short enough that a month grouping stays a readable table.</summary>
    const int MaxDays = 5 * 366;

    static readonly DateOnly Earliest = new(1900, 1, 1);
    static readonly DateOnly Latest = new(9998, 12, 31);

    public sealed record Query(OrganId Organ, DateOnly From, DateOnly To, string? GroupBy) : IQuery<Response>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            // The period becomes instants in Vietnam time; days at the ends of the calendar have no such instant
            // (0001-01-01 00:00 +07:00 is before DateTimeOffset.MinValue), and no register is that old or that far ahead.
            if (From < Earliest || From > Latest)
                yield return ("from", $"The start of the period lies between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
            if (To < Earliest || To > Latest)
                yield return ("to", $"The end of the period lies between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
            else if (To < From)
                yield return ("to", "The end of the period ('to') must not be before its start ('from').");
            else if (To.DayNumber - From.DayNumber > MaxDays)
                yield return ("to", "A period spans at most five years.");
            if (GroupBy is { Length: > 0 } group && Grouping(group) is null)
                yield return ("groupBy", $"'{group}' is not a grouping: give unit, official, type or month.");
        }

        public StatisticsGrouping? Grouping() => GroupBy is { Length: > 0 } group ? Grouping(group) : null;

        static StatisticsGrouping? Grouping(string value) =>
            !int.TryParse(value, out _) && Enum.TryParse<StatisticsGrouping>(value.Trim(), ignoreCase: true, out var grouping) && Enum.IsDefined(grouping)
                ? grouping : null;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stats", Handle)
            .WithTags("Statistics")
            .RequireAuthorization(Policies.Member)
            .Produces<Response>(StatusCodes.Status200OK, "application/json", ExportFormats.FileMediaTypes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Received, processed, on time, late and in progress, outgoing and incoming, for a period")
            .WithDescription("`from` and `to` are days (yyyy-MM-dd, Vietnam time, both included); `groupBy` is unit, official, type or month. "
                + "The same figures come as XLSX, CSV or PDF (with a chart of on time against late by month) by `format=xlsx|csv|pdf` or the Accept header.");

    static async Task<IResult> Handle(
        DateOnly from, DateOnly to, string? groupBy, string? format, HttpRequest request, CurrentUser user, IMediator mediator, CancellationToken ct)
    {
        var export = ExportFormats.Choose(format, request);
        var query = new Query(user.Organ, from, to, groupBy);
        var statistics = await mediator.Send(query, ct);
        if (export == ExportFormat.Json)
            return TypedResults.Ok(statistics);
        var months = export == ExportFormat.Pdf
            ? statistics.GroupBy == StatisticsGrouping.Month ? statistics : await mediator.Send(query with { GroupBy = nameof(StatisticsGrouping.Month) }, ct)
            : null;
        return TableFiles.Download(StatisticsTable.Describe(statistics, months), export, $"thong-ke-{from:yyyyMMdd}-{to:yyyyMMdd}");
    }

    /// <summary>One counted document, reduced to what the figures and the groupings need.</summary>
    sealed record Item(
        bool IsIncoming, string TypeName, DateOnly StartDay, DateOnly? Due, DateOnly? DoneDay, bool Closed, Guid? UnitId, string? UserName, bool Sent, bool Acknowledged);

    internal sealed class Handler(DocServiceDb db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken ct)
        {
            var organ = query.Organ.Value;
            var start = RegisterYears.StartOf(query.From);
            var end = RegisterYears.StartOf(query.To.AddDays(1));
            var today = VietnamTime.Today(clock.GetUtcNow());
            var asOf = today < query.To ? today : query.To;

            var officials = await db.Officials.AsNoTracking().Where(o => o.OrganId == organ)
                .ToDictionaryAsync(o => o.UserName, o => (o.FullName, o.UnitId), ct);
            var units = await db.Units.AsNoTracking().Where(u => u.OrganId == organ).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var items = new List<Item>();
            items.AddRange(await IncomingAsync(organ, start, end, officials, ct));
            items.AddRange(await OutgoingAsync(organ, start, end, query.To, officials, ct));

            var grouping = query.Grouping();
            var groups = grouping switch
            {
                null => [],
                StatisticsGrouping.Month => ByMonth(items, query.From, query.To, asOf),
                _ => items.GroupBy(i => Place(i, grouping.Value))
                    .Select(g => new Group(g.Key, Name(g.Key, grouping.Value, units, officials), Tally.Outgoing(g, asOf), Tally.Incoming(g, asOf)))
                    .OrderBy(g => g.Key is null)
                    .ThenBy(g => g.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
                    .ToList(),
            };
            var organName = await db.Organs.AsNoTracking().Where(o => o.Id == organ).Select(o => o.Name).SingleOrDefaultAsync(ct);
            return new Response(query.From, query.To, organ, organName, grouping, Tally.Outgoing(items, asOf), Tally.Incoming(items, asOf), groups);
        }

        async Task<List<Item>> IncomingAsync(
            string organ, DateTimeOffset start, DateTimeOffset end, Dictionary<string, (string FullName, Guid? UnitId)> officials, CancellationToken ct)
        {
            var arrived = db.Documents.AsNoTracking()
                .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Incoming && d.ArrivedAt >= start && d.ArrivedAt < end);
            var documents = await arrived.Select(d => new { d.Id, d.TypeName, d.ArrivedAt, d.DueDate, d.CompletedAt, d.Status }).ToListAsync(ct);
            var leads = (await db.Assignments.AsNoTracking()
                    .Where(a => a.OrganId == organ && a.Role == AssignmentRole.Lead && arrived.Any(d => d.Id == a.DocumentId))
                    .Select(a => new { a.DocumentId, a.UnitId, a.UserName }).ToListAsync(ct))
                .ToDictionary(a => a.DocumentId);
            return documents.Select(d =>
            {
                var lead = leads.GetValueOrDefault(d.Id);
                var unit = lead?.UnitId ?? (lead?.UserName is { } user && officials.TryGetValue(user, out var official) ? official.UnitId : null);
                return new Item(
                    true, d.TypeName, VietnamTime.Today(d.ArrivedAt!.Value), d.DueDate,
                    d.CompletedAt is { } done && done < end ? VietnamTime.Today(done) : null,
                    d.Status is DocumentStatus.Refused or DocumentStatus.Withdrawn, unit, lead?.UserName, false, false);
            }).ToList();
        }

        async Task<List<Item>> OutgoingAsync(
            string organ, DateTimeOffset start, DateTimeOffset end, DateOnly to, Dictionary<string, (string FullName, Guid? UnitId)> officials, CancellationToken ct)
        {
            var begun = db.Documents.AsNoTracking()
                .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Outgoing && d.CreatedAt >= start && d.CreatedAt < end);
            var documents = await begun.Select(d => new { d.Id, d.TypeName, d.CreatedAt, d.CreatedBy, d.DueDate, d.IssuedDate }).ToListAsync(ct);
            var packages = await db.Outbox.AsNoTracking()
                .Where(m => m.OrganId == organ && m.MessageType == AxisMessageType.Edoc && begun.Any(d => d.Id == m.DocumentId)
                    && (m.Business == BusinessDocType.New || m.Business == BusinessDocType.Replace)) // not revoke or update packages
                .Select(m => new { DocumentId = m.DocumentId!.Value, m.RecipientOrganId, m.State }).ToListAsync(ct);
            var accepted = (await db.RecipientStatuses.AsNoTracking()
                    .Where(s => s.OrganId == organ && begun.Any(d => d.Id == s.DocumentId)
                        && s.Code >= (int)StatusCode.Accepted && s.Code <= (int)StatusCode.Completed)
                    .Select(s => new { s.DocumentId, s.RecipientOrganId }).ToListAsync(ct))
                .Select(s => (s.DocumentId, s.RecipientOrganId)).ToHashSet();
            var byDocument = packages.GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
            return documents.Select(d =>
            {
                var sent = byDocument.GetValueOrDefault(d.Id) ?? [];
                return new Item(
                    false, d.TypeName, VietnamTime.Today(d.CreatedAt), d.DueDate, d.IssuedDate is { } issued && issued <= to ? issued : null, false,
                    officials.TryGetValue(d.CreatedBy, out var drafter) ? drafter.UnitId : null, d.CreatedBy,
                    sent.Any(p => p.State == OutboxState.Sent), sent.Count > 0 && sent.All(p => accepted.Contains((d.Id, p.RecipientOrganId))));
            }).ToList();
        }

        static string? Place(Item item, StatisticsGrouping grouping) => grouping switch
        {
            StatisticsGrouping.Unit => item.UnitId?.ToString(),
            StatisticsGrouping.Official => item.UserName,
            _ => item.TypeName,
        };

        static string Name(string? key, StatisticsGrouping grouping, Dictionary<Guid, string> units, Dictionary<string, (string FullName, Guid? UnitId)> officials) =>
            key is null ? Unplaced : grouping switch
            {
                StatisticsGrouping.Unit => units.GetValueOrDefault(Guid.Parse(key)) ?? key,
                StatisticsGrouping.Official => officials.TryGetValue(key, out var official) ? official.FullName : key,
                _ => key,
            };

        /// <summary>Every month of the period, those without documents too, so a chart's axis has no gaps.</summary>
        static List<Group> ByMonth(List<Item> items, DateOnly from, DateOnly to, DateOnly asOf)
        {
            var byMonth = items.ToLookup(i => (i.StartDay.Year, i.StartDay.Month));
            var groups = new List<Group>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var these = byMonth[(month.Year, month.Month)].ToList();
                groups.Add(new Group(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.ToString("MM/yyyy", CultureInfo.InvariantCulture),
                    Tally.Outgoing(these, asOf), Tally.Incoming(these, asOf)));
            }
            return groups;
        }
    }

    static class Tally
    {
        public static Incoming Incoming(IEnumerable<Item> items, DateOnly asOf)
        {
            var incoming = items.Where(i => i.IsIncoming).ToList();
            var (done, onTime, open, overdue) = Count(incoming, asOf);
            return new Incoming(incoming.Count, done, onTime, done - onTime, open, overdue, open - overdue);
        }

        public static Outgoing Outgoing(IEnumerable<Item> items, DateOnly asOf)
        {
            var outgoing = items.Where(i => !i.IsIncoming).ToList();
            var (done, onTime, open, overdue) = Count(outgoing, asOf);
            return new Outgoing(outgoing.Count, done, onTime, done - onTime, open, overdue, open - overdue,
                outgoing.Count(i => i.DoneDay is not null && i.Sent), outgoing.Count(i => i.DoneDay is not null && i.Acknowledged));
        }

        static (int Done, int OnTime, int Open, int Overdue) Count(List<Item> items, DateOnly asOf)
        {
            var done = items.Where(i => i.DoneDay is not null).ToList();
            var open = items.Where(i => i.DoneDay is null && !i.Closed).ToList();
            return (done.Count, done.Count(i => i.Due is null || i.DoneDay <= i.Due), open.Count, open.Count(i => i.Due is { } due && due < asOf));
        }
    }
}
