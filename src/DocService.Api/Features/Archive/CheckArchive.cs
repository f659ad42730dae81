using System.Text.Json.Serialization;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using Mediator;

namespace DocService.Api.Features.Archive;

/// <summary>
/// Re-reads every file of a document's package through the store, which re-hashes the bytes, and reports each
/// as ok, corrupted or missing. The manifest is checked against the digest the database kept when it was written.
/// </summary>
public static class CheckArchive
{
    [JsonConverter(typeof(JsonStringEnumConverter<FileState>))]
    public enum FileState
    {
        Ok,
        Corrupted,
        Missing,
    }

    public sealed record FileCheck(string Path, string Sha256, long Size, FileState State, string? Detail);

    public sealed record Report(Guid DocumentId, DateTimeOffset CheckedAt, bool Intact, IReadOnlyList<FileCheck> Files);

    public sealed record Command(Guid DocumentId) : ICommand<Report>, IAuditedCommand
    {
        public string AuditAction => "archive.check";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId };
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/archive/check",
                async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(id), ct)))
            .RequireAuthorization(Policies.ArchiveChecker)
            .Produces<Report>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Re-hash every file of the document's archive package and report each one")
            .WithDescription("For the auditor or the clerk. Each file is ok, corrupted (its bytes no longer hash to the manifest's SHA-256) or missing.");

    internal sealed class Handler(DocServiceDb db, IObjectStore store, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Report>
    {
        public async ValueTask<Report> Handle(Command command, CancellationToken ct)
        {
            var job = await ArchivedJob.FindAsync(db, user.Organ, command.DocumentId, ct);
            var prefix = job.ManifestKey![..^ArchiveLayout.Manifest.Length];
            var checks = new List<FileCheck>();

            ArchiveManifest? manifest = null;
            // The manifest lists every file but itself: its size is what the store holds (-1 when it is missing).
            var (state, detail, manifestSize) = await CheckAsync(job.ManifestKey, job.ManifestSha256!, null, async s => manifest = ArchiveManifest.Parse(s), ct);
            checks.Add(new FileCheck(ArchiveLayout.Manifest, job.ManifestSha256!, manifestSize, state, detail));
            foreach (var file in manifest?.Files ?? [])
            {
                var (fileState, fileDetail, _) = await CheckAsync(prefix + file.Path, file.Sha256, file.Size, null, ct);
                checks.Add(new FileCheck(file.Path, file.Sha256, file.Size, fileState, fileDetail));
            }
            return new Report(command.DocumentId, clock.GetUtcNow(), checks.All(c => c.State == FileState.Ok), checks);
        }

        async Task<(FileState, string?, long Size)> CheckAsync(string key, string sha256, long? size, Func<Stream, Task>? read, CancellationToken ct)
        {
            try
            {
                await using var content = await ArchivedJob.OpenAsync(store, key, sha256, ct);
                if (size is { } expected && content.Length != expected)
                    return (FileState.Corrupted, $"{content.Length} bytes, the manifest says {expected}.", content.Length);
                if (read is not null)
                    await read(content);
                return (FileState.Ok, null, content.Length);
            }
            catch (ObjectNotFoundException)
            {
                return (FileState.Missing, "The store has no such object.", -1);
            }
            catch (ObjectCorruptedException e)
            {
                return (FileState.Corrupted, e.Message, -1);
            }
        }
    }
}
