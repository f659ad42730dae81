using DocService.Api.Domain;
using DocService.Api.Infrastructure.Errors;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// Optimistic concurrency for changes: the client proves it saw the current version by sending
/// its ETag in <c>If-Match</c>. Without it: 428; with a stale one: 412.
/// </summary>
public static class Preconditions
{
    /// <remarks>
    /// <c>If-Match: *</c> matches any version, so it would let a change overwrite one the client never saw: it is
    /// refused like a missing header.
    /// </remarks>
    public static string RequireIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
            throw new ApiException(StatusCodes.Status428PreconditionRequired, "precondition.required",
                "Send the document's ETag in If-Match so a change never overwrites one you have not seen.");
        if (ifMatch.Trim() == "*")
            throw new ApiException(StatusCodes.Status428PreconditionRequired, "precondition.required",
                "If-Match: * matches any version: send the document's ETag, so a change never overwrites one you have not seen.");
        return ifMatch.Trim();
    }

    public static void CheckIfMatch(Document document, string ifMatch)
    {
        if (ifMatch != document.ETag)
            throw new ApiException(StatusCodes.Status412PreconditionFailed, "precondition.failed",
                $"The document is at version {document.ETag}, not {ifMatch}: fetch it again.");
    }
}
