using System.Globalization;
using System.Threading.RateLimiting;
using DocService.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// <c>RateLimits:Uploads</c>: how many uploads and verifications one official may start in a window. Each one is
/// parsed and validated (seconds of CPU for a hostile PDF), so a single token must not be able to take the service.
/// </summary>
public sealed class UploadRateLimitOptions
{
    public const string Section = "RateLimits:Uploads";

    /// <summary>Requests per official and window; 0 turns the limit off.</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The ASP.NET Core rate limiter, partitioned by the token's <c>sub</c> within its organ: one official's burst does not
/// slow another's. Refusals are 429 <c>request.rate_limited</c> ProblemDetails with Retry-After.
/// </summary>
public static class UploadRateLimit
{
    public const string Policy = "uploads";

    public static IServiceCollection AddDocServiceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(UploadRateLimitOptions.Section).Get<UploadRateLimitOptions>() ?? new UploadRateLimitOptions();
        if (options.PermitLimit < 0 || options.Window <= TimeSpan.Zero)
            throw new InvalidOperationException($"{UploadRateLimitOptions.Section}: PermitLimit must be 0 (off) or more and Window a positive time span.");
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var sub = http.User.FindFirst(DocServiceClaims.User)?.Value;
                if (options.PermitLimit == 0 || sub is null) // no token: authorization has answered 401 already
                    return RateLimitPartition.GetNoLimiter("");
                var organ = http.User.FindFirst(DocServiceClaims.Organ)?.Value;
                return RateLimitPartition.GetFixedWindowLimiter($"{organ}/{sub}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authentication, so the partition is the caller's; endpoints opt in with <see cref="RequireUploadRateLimit"/>.</summary>
    public static IApplicationBuilder UseDocServiceRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    public static RouteHandlerBuilder RequireUploadRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireRateLimiting(Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);

    static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests; retry later.",
            Detail = $"You started too many uploads and verifications in a short time; retry in {seconds} s.",
        };
        problem.Extensions["code"] = "request.rate_limited";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
