using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Jobs;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Jobs;

/// <summary>
/// An admin's "try again now": a failed job is due at once instead of after its backoff, and an outbox message the
/// axis refused (for instance before the recipient was registered) or a webhook delivery refused or given up goes back
/// to the queue. Jobs that wait, run or are done are left alone.
/// </summary>
public static class RetryJob
{
    public sealed record Command(JobQueue Queue, Guid Id) : ICommand<Response>, IAuditedCommand
    {
        public string AuditAction => "job.retry";
        public string AuditTarget => $"{Queue}/{Id}";
        public object AuditPayload => new { Queue, Id };
    }

    public sealed record Response(JobQueue Queue, Guid Id, string State, DateTimeOffset DueAt);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/jobs/{queue}/{id:guid}/retry", async (JobQueue queue, Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Command(queue, id), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Retry a failed archive, outbox or webhook job now");

    internal sealed class Handler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var organ = user.Organ.Value;
            if (command.Queue == JobQueue.Archive)
            {
                var state = await db.ArchiveJobs.Where(j => j.DocumentId == command.Id && j.OrganId == organ).Select(j => (ArchiveStatus?)j.Status).SingleOrDefaultAsync(ct)
                    ?? throw ApiException.NotFound("The archive job");
                if (state != ArchiveStatus.Failed)
                    throw NotRetryable(state.ToString());
                await db.ArchiveJobs.Where(j => j.DocumentId == command.Id && j.Status == ArchiveStatus.Failed)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.DueAt, now), ct);
                return new Response(command.Queue, command.Id, nameof(ArchiveStatus.Failed), now);
            }

            if (command.Queue == JobQueue.Notification)
            {
                var delivery = await db.NotificationDeliveries.Where(d => d.Id == command.Id && d.OrganId == organ).Select(d => (NotificationState?)d.State).SingleOrDefaultAsync(ct)
                    ?? throw ApiException.NotFound("The webhook delivery");
                if (delivery is not (NotificationState.Failed or NotificationState.Rejected))
                    throw NotRetryable(delivery.ToString()!);
                // A refused or given-up delivery starts over (its attempts too), once the admin has fixed the endpoint.
                await db.NotificationDeliveries.Where(d => d.Id == command.Id && d.State == delivery)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now).SetProperty(d => d.State, NotificationState.Pending).SetProperty(d => d.Attempts, 0), ct);
                return new Response(command.Queue, command.Id, nameof(NotificationState.Pending), now);
            }

            var message = await db.Outbox.Where(m => m.Id == command.Id && m.OrganId == organ).Select(m => (OutboxState?)m.State).SingleOrDefaultAsync(ct)
                ?? throw ApiException.NotFound("The outbox message");
            if (message is not (OutboxState.Failed or OutboxState.Rejected))
                throw NotRetryable(message.ToString()!);
            // A refused message starts over as pending; a failed one keeps its state and is simply due now.
            var next = message == OutboxState.Rejected ? OutboxState.Pending : OutboxState.Failed;
            await db.Outbox.Where(m => m.Id == command.Id && m.State == message)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, now).SetProperty(m => m.State, next), ct);
            return new Response(command.Queue, command.Id, next.ToString(), now);
        }

        static ApiException NotRetryable(string state) =>
            new(StatusCodes.Status409Conflict, "job.not_retryable", $"The job is {state}: only failed jobs (and refused outbox messages and webhook deliveries) can be retried.");
    }
}
