using DocService.Api.Domain;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Jobs;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Jobs;

/// <summary>
/// The organ's background work as an admin needs to see it: archive packages to write, axis messages and webhook
/// deliveries to send, counted by state, and each job with its attempts, last error and age — waiting and failed ones
/// by default, done ones (Archived, Sent, Delivered) when asked for by state.
/// </summary>
public static class ListJobs
{
    public sealed record QueueState(JobQueue Queue, string State, int Count, double OldestAgeSeconds);

    public sealed record Job(
        JobQueue Queue, Guid Id, Guid? DocumentId, string? RecipientOrganId, string State, int Attempts, string? LastError,
        DateTimeOffset CreatedAt, DateTimeOffset DueAt, double AgeSeconds);

    public sealed record Response(IReadOnlyList<QueueState> Queues, IReadOnlyList<Job> Items, int Page, int PageSize, int Total);

    public sealed record Query(OrganId Organ, JobQueue? Queue, string? State, PageRequest Paging) : IQuery<Response>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            foreach (var problem in Paging.Validate())
                yield return problem;
            if (State is not null && !States(Queue).Contains(State, StringComparer.Ordinal))
                yield return ("state", $"State must be one of {string.Join(", ", States(Queue))}.");
        }
    }

    static IEnumerable<string> States(JobQueue? queue) => queue switch
    {
        JobQueue.Archive => Enum.GetNames<ArchiveStatus>(),
        JobQueue.Outbox => Enum.GetNames<OutboxState>(),
        JobQueue.Notification => Enum.GetNames<NotificationState>(),
        _ => Enum.GetNames<ArchiveStatus>().Union(Enum.GetNames<OutboxState>()).Union(Enum.GetNames<NotificationState>()),
    };

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/jobs", async (JobQueue? queue, string? state, int? page, int? pageSize, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, queue, state, PageRequest.From(page, pageSize)), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("List the organ's archive, outbox and webhook jobs by state, with their last error and age");

    internal sealed class Handler(DocServiceDb db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var organ = query.Organ.Value;
            var counts = await JobQueues.CountAsync(db, organ, ct);
            var queues = counts.Select(c => new QueueState(c.Queue, c.State, c.Count, (now - c.OldestCreatedAt).TotalSeconds)).ToList();

            // The newest page of each queue is enough to merge the page asked for; the totals come from the counts.
            var take = query.Paging.Skip + query.Paging.PageSize;
            var jobs = new List<Job>();
            if (query.Queue is null or JobQueue.Archive && (query.State is null || Enum.IsDefined(typeof(ArchiveStatus), query.State)))
            {
                var archive = db.ArchiveJobs.AsNoTracking().Where(j => j.OrganId == organ);
                archive = query.State is { } s ? archive.Where(j => j.Status == Enum.Parse<ArchiveStatus>(s)) : archive.Where(j => j.Status != ArchiveStatus.Archived);
                jobs.AddRange((await archive.OrderBy(j => j.CreatedAt).Take(take).ToListAsync(ct)).Select(j => new Job(
                    JobQueue.Archive, j.DocumentId, j.DocumentId, null, j.Status.ToString(), j.Attempts, j.LastError, j.CreatedAt, j.DueAt, (now - j.CreatedAt).TotalSeconds)));
            }
            if (query.Queue is null or JobQueue.Outbox && (query.State is null || Enum.IsDefined(typeof(OutboxState), query.State)))
            {
                var outbox = db.Outbox.AsNoTracking().Where(m => m.OrganId == organ);
                outbox = query.State is { } s ? outbox.Where(m => m.State == Enum.Parse<OutboxState>(s)) : outbox.Where(m => m.State != OutboxState.Sent);
                jobs.AddRange((await outbox.OrderBy(m => m.CreatedAt).Take(take).ToListAsync(ct)).Select(m => new Job(
                    JobQueue.Outbox, m.Id, m.DocumentId, m.RecipientOrganId, m.State.ToString(), m.Attempts, m.LastError, m.CreatedAt, m.DueAt, (now - m.CreatedAt).TotalSeconds)));
            }
            if (query.Queue is null or JobQueue.Notification && (query.State is null || Enum.IsDefined(typeof(NotificationState), query.State)))
            {
                var webhooks = db.NotificationDeliveries.AsNoTracking().Where(d => d.OrganId == organ);
                webhooks = query.State is { } s ? webhooks.Where(d => d.State == Enum.Parse<NotificationState>(s)) : webhooks.Where(d => d.State != NotificationState.Delivered);
                jobs.AddRange((await webhooks.OrderBy(d => d.CreatedAt).Take(take).ToListAsync(ct)).Select(d => new Job(
                    JobQueue.Notification, d.Id, d.DocumentId, null, d.State.ToString(), d.Attempts, d.LastError, d.CreatedAt, d.DueAt, (now - d.CreatedAt).TotalSeconds)));
            }
            var total = query.State is null
                ? queues.Where(q => query.Queue is null || q.Queue == query.Queue).Sum(q => q.Count)
                : await CountInStateAsync(query, organ, ct);
            var page = jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToList();
            return new Response(queues, page, query.Paging.Page, query.Paging.PageSize, total);
        }

        // Done states are not in the queue counts; a filter on one is counted directly.
        async Task<int> CountInStateAsync(Query query, string organ, CancellationToken ct)
        {
            var total = 0;
            if (query.Queue is null or JobQueue.Archive && Enum.TryParse<ArchiveStatus>(query.State, out var archived))
                total += await db.ArchiveJobs.CountAsync(j => j.OrganId == organ && j.Status == archived, ct);
            if (query.Queue is null or JobQueue.Outbox && Enum.TryParse<OutboxState>(query.State, out var sent))
                total += await db.Outbox.CountAsync(m => m.OrganId == organ && m.State == sent, ct);
            if (query.Queue is null or JobQueue.Notification && Enum.TryParse<NotificationState>(query.State, out var delivered))
                total += await db.NotificationDeliveries.CountAsync(d => d.OrganId == organ && d.State == delivered, ct);
            return total;
        }
    }
}
