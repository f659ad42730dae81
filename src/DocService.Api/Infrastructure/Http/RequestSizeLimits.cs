using DocService.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// Kestrel answers a request line or headers over its limits with a bare 414 or 431 before any middleware runs,
/// so no client can tell why by a code. Kestrel's limits are raised to <see cref="KestrelFactor"/> times the limits
/// the service means, and this middleware answers what lies between with ProblemDetails; only a request past
/// Kestrel's own ceiling still gets the bare answer.
/// </summary>
public static class RequestSizeLimits
{
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxRequestHeadersBytes = 32 * 1024;
    const int KestrelFactor = 4;

    public static void Raise(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = KestrelFactor * MaxRequestLineBytes;
        limits.MaxRequestHeadersTotalSize = KestrelFactor * MaxRequestHeadersBytes;
    }

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        if (http.Request.Method.Length + target.Length + http.Request.Protocol.Length + 2 > MaxRequestLineBytes)
            throw new ApiException(StatusCodes.Status414UriTooLong, "request.uri_too_long",
                $"The request line is longer than {MaxRequestLineBytes} bytes: send long input in the body.");
        var headers = 0L;
        foreach (var (name, values) in http.Request.Headers)
            headers += name.Length + 4 + values.Sum(v => v?.Length ?? 0);
        if (headers > MaxRequestHeadersBytes)
            throw new ApiException(StatusCodes.Status431RequestHeaderFieldsTooLarge, "request.headers_too_large",
                $"The request headers total more than {MaxRequestHeadersBytes} bytes.");
        await next(http);
    });
}
