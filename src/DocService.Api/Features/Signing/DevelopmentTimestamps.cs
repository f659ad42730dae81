using DocService.Signing.Timestamps;

namespace DocService.Api.Features.Signing;

/// <summary>
/// The development TSA over HTTP (RFC 3161 §3.4), so B-T signing works out of the box in
/// Development: certs-dev/tsa.p12 signs, nobody must trust it. Never mapped in production.
/// </summary>
public static class DevelopmentTimestamps
{
    const int MaxRequestBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dev/tsa", async (HttpRequest request, TimestampAuthority authority, CancellationToken ct) =>
            {
                if (request.ContentType?.Split(';')[0].Trim() != "application/timestamp-query")
                    return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                if (buffer.Length > MaxRequestBytes)
                    return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                var reply = await authority.RespondAsync(buffer.ToArray(), ct);
                return Results.Bytes(reply, "application/timestamp-reply");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
