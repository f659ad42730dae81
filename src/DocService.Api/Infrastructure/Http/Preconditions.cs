using DocService.Api.Domain;
using DocService.Api.Infrastructure.Errors;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// Optimistic concurrency for changes: the client proves it saw the current version by sending
/// its ETag in <c>If-Match</c>. Without it: 428; with a stale one: 412.
/// </summary>
public static class Preconditions
{
    public static string RequireIfMatch(string? ifMatch) =>
        string.IsNullOrWhiteSpace(ifMatch)
            ? throw new ApiException(StatusCodes.Status428PreconditionRequired, "precondition.required",
                "Send the document's ETag in If-Match so a change never overwrites one you have not seen.")
            : ifMatch.Trim();

    public static void CheckIfMatch(Document document, string ifMatch)
    {
        if (ifMatch != "*" && ifMatch != document.ETag)
            throw new ApiException(StatusCodes.Status412PreconditionFailed, "precondition.failed",
                $"The document is at version {document.ETag}, not {ifMatch}: fetch it again.");
    }
}
