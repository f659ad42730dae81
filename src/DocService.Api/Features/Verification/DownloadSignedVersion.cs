using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Pdf.IO;
using Mediator;

namespace DocService.Api.Features.Verification;

/// <summary>
/// "The version that was signed": the bytes a signature's ByteRange covers, from the start of the
/// file to the end of the revision it signed — what the signer saw, whatever came after.
/// </summary>
public static class DownloadSignedVersion
{
    public sealed record Query(OrganId Organ, Guid Id, int Signature) : IQuery<Content>;

    public sealed record Content(Stream Bytes, string FileName);

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{id:guid}/signatures/{signature:int}/signed-version", async (Guid id, int signature, CurrentUser user, IMediator mediator, CancellationToken ct) =>
            {
                var content = await mediator.Send(new Query(user.Organ, id, signature), ct);
                return TypedResults.Stream(content.Bytes, "application/pdf", content.FileName);
            })
            .RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Download the version a signature signed (signatures numbered from 1 as in the report)");

    internal sealed class Handler(DocServiceDb db, IObjectStore store, TimeProvider clock) : IQueryHandler<Query, Content>
    {
        public async ValueTask<Content> Handle(Query query, CancellationToken ct)
        {
            var record = await db.FindVerificationAsync(query.Organ, query.Id, ct);
            var signature = VerificationResponse.From(record).Signatures.ElementAtOrDefault(query.Signature - 1)
                ?? throw ApiException.NotFound($"Signature {query.Signature} of verification {query.Id}");
            if (!signature.Coverage.ByteRangeValid || signature.Coverage.ByteRange is not [0, _, var start, var length])
                throw new ApiException(422, "verification.no_signed_version",
                    "This signature's byte range is not sound, so no version can be said to be the one it signed.");

            if (record.FileExpired(clock.GetUtcNow()))
                throw new ApiException(410, "verification.file_expired",
                    $"The uploaded file was kept until {record.FileKeptUntil:O} and has been removed; the report stays, upload the file again to cut its signed versions.");
            var file = await store.OpenReadAsync(record.StorageKey, record.Sha256, ct);
            var end = start + length;
            return new Content(new PrefixStream(file, end, leaveOpen: false), $"{Path.GetFileNameWithoutExtension(record.FileName)}-signature-{query.Signature}.pdf");
        }
    }
}
