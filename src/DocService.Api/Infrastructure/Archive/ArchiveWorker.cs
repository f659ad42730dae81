using DocService.Api.Domain;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DocService.Api.Infrastructure.Telemetry;

namespace DocService.Api.Infrastructure.Archive;

/// <summary>
/// Turns pending archive jobs into packages. A job is claimed with one conditional UPDATE (due, and not leased
/// or its lease run out): the row count says whether this worker won it, which holds on SQLite and PostgreSQL
/// alike and lets several nodes run workers. A failure (the store is down, a read was refused) puts the job
/// back as Failed with exponential backoff and jitter; it is retried until it succeeds.
/// </summary>
public sealed class ArchiveWorker(IServiceScopeFactory scopes, IOptions<ArchiveOptions> options, TimeProvider clock, ILogger<ArchiveWorker> log)
    : BackgroundService
{
    public const string SystemActor = "system";
    const int MaxErrorLength = 2000;

    readonly Guid _id = Guid.NewGuid();
    readonly Random _random = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOnceAsync, options.Value.PollInterval, clock, log, "archive", stoppingToken);

    /// <summary>Claims the due jobs and processes each; answers how many it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        foreach (var documentId in claimed)
            await ProcessAsync(documentId, ct);
        return claimed.Count;
    }

    async Task<List<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var now = clock.GetUtcNow();
        var candidates = await Due(db.ArchiveJobs, now).OrderBy(j => j.DueAt).Select(j => j.DocumentId)
            .Take(options.Value.BatchSize).ToListAsync(ct);

        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = new List<Guid>();
        foreach (var documentId in candidates)
        {
            var won = await Due(db.ArchiveJobs.Where(j => j.DocumentId == documentId), now).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ArchiveStatus.Archiving)
                .SetProperty(j => j.LeaseOwner, _id)
                .SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (won == 1)
                claimed.Add(documentId);
        }
        return claimed;
    }

    static IQueryable<ArchiveJob> Due(IQueryable<ArchiveJob> jobs, DateTimeOffset now) =>
        jobs.Where(j => ((j.Status == ArchiveStatus.Pending || j.Status == ArchiveStatus.Failed) && j.DueAt <= now)
                        || (j.Status == ArchiveStatus.Archiving && j.LeaseUntil < now));

    async Task ProcessAsync(Guid documentId, CancellationToken ct)
    {
        using var operation = DocServiceTelemetry.Start("archive").Tag("document.id", documentId);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
            var job = await db.ArchiveJobs.AsNoTracking().SingleAsync(j => j.DocumentId == documentId, ct);
            var document = await db.Documents.Include(d => d.Revisions).SingleAsync(d => d.Id == documentId, ct);
            if (document.Status != DocumentStatus.Issued)
                throw new InvalidOperationException($"Document {documentId} is {document.Status}, not Issued.");

            // With a TSA, the package's document.pdf is the issued document extended to B-LTA (a revision by system).
            await scope.ServiceProvider.GetRequiredService<ArchiveLevels>().EnsureBltaAsync(document, ct);
            var manifest = await scope.ServiceProvider.GetRequiredService<ArchivePackageWriter>().WriteAsync(document, job, ct);
            await CompleteAsync(scope.ServiceProvider, db, document, manifest.Key, manifest.Sha256, ct);
            log.LogInformation("Archived document {DocumentId} under {Manifest}", documentId, manifest.Key);
            operation.Succeeded();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;   // shutting down: the lease runs out and another round takes the job
        }
        catch (Exception e)
        {
            await FailAsync(documentId, e, ct);
        }
    }

    /// <summary>Issued → Archived, the job's completion and the system's audit entry commit together.</summary>
    async Task CompleteAsync(IServiceProvider services, DocServiceDb db, Document document, string manifestKey, string manifestSha256, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.ArchiveJobs
            .Where(j => j.DocumentId == document.Id && j.Status == ArchiveStatus.Archiving && j.LeaseOwner == _id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ArchiveStatus.Archived)
                .SetProperty(j => j.ArchivedAt, now)
                .SetProperty(j => j.ManifestKey, manifestKey)
                .SetProperty(j => j.ManifestSha256, manifestSha256)
                .SetProperty(j => j.LastError, (string?)null)
                .SetProperty(j => j.LeaseOwner, (Guid?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        if (mine != 1)
        {
            // Our lease ran out and another worker took the job; it writes the same package and completes it.
            await transaction.RollbackAsync(ct);
            return;
        }
        document.Archive(now);
        await services.GetRequiredService<AuditChain>().AppendAsync(new AuditRecord(
            SystemActor, document.OrganId, "document.archive", document.Id.ToString(),
            new { DocumentId = document.Id, ManifestKey = manifestKey, ManifestSha256 = manifestSha256 }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    async Task FailAsync(Guid documentId, Exception error, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
            var attempts = await db.ArchiveJobs.Where(j => j.DocumentId == documentId).Select(j => j.Attempts).SingleAsync(ct);
            var delay = options.Value.Backoff(attempts, _random);
            var message = $"{error.GetType().Name}: {error.Message}";
            if (message.Length > MaxErrorLength)
                message = message[..MaxErrorLength];
            await db.ArchiveJobs.Where(j => j.DocumentId == documentId && j.LeaseOwner == _id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ArchiveStatus.Failed)
                .SetProperty(j => j.LastError, message)
                .SetProperty(j => j.DueAt, clock.GetUtcNow() + delay)
                .SetProperty(j => j.LeaseOwner, (Guid?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
            log.LogWarning("Archiving document {DocumentId} failed (attempt {Attempts}), retrying in {Delay}: {Error}",
                documentId, attempts, delay, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is failing too: the lease runs out and the job is claimed again then.
            log.LogError(e, "Could not record the failure of archiving document {DocumentId}: {Error}", documentId, error.Message);
        }
    }
}
