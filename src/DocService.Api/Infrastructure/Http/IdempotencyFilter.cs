using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// Honours <c>Idempotency-Key</c>: the first request runs and its answer is kept; a retry with the
/// same key and the same request gets that answer again; the same key with a different request
/// is refused (422); a retry while the first is still running is told so (409).
/// </summary>
public sealed class IdempotencyFilter(DocServiceDb db, CurrentUser user, TimeProvider clock, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
            return await next(context);
        if (key.Length > 200)
            throw new ApiException(400, "idempotency.invalid_key", "An Idempotency-Key has at most 200 characters.");

        var fingerprint = await FingerprintAsync(http.Request, http.RequestAborted);
        var existing = await db.IdempotencyRecords.SingleOrDefaultAsync(
            r => r.OrganId == user.Organ.Value && r.UserName == user.UserName && r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            if (existing.RequestSha256 != fingerprint)
                throw new ApiException(422, "idempotency.key_reused", "This Idempotency-Key was used for a different request.");
            if (existing.Completed)
                return Replay(http, existing);
            if (clock.GetUtcNow() - existing.CreatedAt < AbandonedAfter)
                throw new ApiException(409, "idempotency.in_progress", "A request with this Idempotency-Key is still running; retry shortly.");
            db.IdempotencyRecords.Remove(existing);
        }

        var record = new IdempotencyRecord
        {
            Id = Guid.NewGuid(), OrganId = user.Organ.Value, UserName = user.UserName, Key = key,
            RequestSha256 = fingerprint, CreatedAt = clock.GetUtcNow(),
        };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            throw new ApiException(409, "idempotency.in_progress", "A request with this Idempotency-Key is still running; retry shortly.");
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ForgetAsync(record);
            throw;
        }

        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult value)
        {
            record.Completed = true;
            record.ResponseStatus = success.StatusCode.Value;
            record.ResponseBody = JsonSerializer.Serialize(value.Value, json.Value.SerializerOptions);
            record.ResponseLocation = LocationOf(result);
            // The endpoint sets the ETag on the response itself (WithETag), not on the result.
            record.ResponseETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            await ForgetAsync(record);
        }
        return result;
    }

    // The handler's half-made changes may still be tracked; clear them so only the record is removed.
    async Task ForgetAsync(IdempotencyRecord record)
    {
        db.ChangeTracker.Clear();
        db.IdempotencyRecords.Remove(record);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    // Created<T>, CreatedAtRoute<T> and Accepted<T> share a Location property but no interface for it.
    static string? LocationOf(object result) =>
        result.GetType().GetProperty("Location")?.GetValue(result) as string;

    static IResult Replay(HttpContext http, IdempotencyRecord record)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ResponseLocation is not null)
            http.Response.Headers.Location = record.ResponseLocation;
        if (record.ResponseETag is not null)
            http.Response.Headers.ETag = record.ResponseETag;
        return Results.Content(record.ResponseBody, "application/json", Encoding.UTF8, record.ResponseStatus);
    }

    /// <summary>
    /// What makes two requests "the same": the route and, for forms, each field and each file's
    /// bytes (a multipart boundary differs on every retry, so the raw body would not do).
    /// </summary>
    static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                hash.AppendData(Encoding.UTF8.GetBytes($"{field.Key}={field.Value}\n"));
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                await using var content = file.OpenReadStream();
                hash.AppendData(Encoding.UTF8.GetBytes($"{file.Name}:{Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct))}\n"));
            }
        }
        else if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            hash.AppendData(await SHA256.HashDataAsync(request.Body, ct));
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

public static class IdempotencyMiddleware
{
    /// <summary>Keeps JSON bodies of idempotent requests re-readable, so the filter can fingerprint them after binding.</summary>
    public static IApplicationBuilder UseIdempotentRequestBuffering(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Headers.ContainsKey(IdempotencyFilter.Header) && !http.Request.HasFormContentType)
                http.Request.EnableBuffering();
            return next(http);
        });
}
