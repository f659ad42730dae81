using DocService.Api.Domain;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Features.Verification;

/// <summary>
/// <c>Verifications</c>: files uploaded only to be verified are kept for <see cref="UploadRetention"/>, then removed
/// (the report stays), and an organ keeps at most <see cref="QuotaCount"/> files and <see cref="QuotaBytes"/> bytes of them.
/// </summary>
public sealed class VerificationsOptions
{
    public const string Section = "Verifications";

    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Bytes of kept uploads per organ; 0: no limit.</summary>
    public long QuotaBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Kept uploads per organ; 0: no limit.</summary>
    public int QuotaCount { get; set; } = 5000;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public static IServiceCollection AddTo(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VerificationsOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.UploadRetention > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero,
                $"{Section}:UploadRetention and {Section}:SweepInterval must be positive time spans.")
            .Validate(o => o.QuotaBytes >= 0 && o.QuotaCount >= 0, $"{Section}:QuotaBytes and {Section}:QuotaCount must be 0 (no limit) or more.")
            .ValidateOnStart();
        services.AddScoped<UploadQuota>();
        services.AddScoped<ExpiredUploadSweep>();
        services.AddHostedService<ExpiredUploadSweep.Worker>();
        return services;
    }
}

/// <summary>What an organ keeps of uploads still within their retention, and whether one more fits.</summary>
public sealed class UploadQuota(DocServiceDb db, IOptions<VerificationsOptions> options, TimeProvider clock)
{
    public const string Code = "verification.quota_exceeded";

    /// <summary>
    /// Refuses with 429 <see cref="Code"/> and, as Retry-After, the time until the oldest kept upload expires and frees
    /// room: the quota is a budget over the retention period, the same kind of limit as a rate.
    /// </summary>
    public async Task<DateTimeOffset> EnsureRoomForAsync(OrganId organ, long bytes, CancellationToken ct)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        var keepUntil = now + limits.UploadRetention;
        if (limits.QuotaBytes == 0 && limits.QuotaCount == 0)
            return keepUntil;
        var kept = db.Verifications.AsNoTracking()
            .Where(v => v.OrganId == organ.Value && v.FileDeletedAt == null && v.FileKeptUntil > now);
        var usage = await kept.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Bytes = g.Sum(v => v.Size), Oldest = g.Min(v => v.FileKeptUntil) })
            .SingleOrDefaultAsync(ct);
        var count = usage?.Count ?? 0;
        var used = usage?.Bytes ?? 0;
        var overCount = limits.QuotaCount > 0 && count + 1 > limits.QuotaCount;
        var overBytes = limits.QuotaBytes > 0 && used + bytes > limits.QuotaBytes;
        if (!overCount && !overBytes)
            return keepUntil;
        var freed = usage?.Oldest is { } oldest && oldest > now ? oldest - now : limits.UploadRetention;
        throw new ApiException(StatusCodes.Status429TooManyRequests, Code,
            $"The organ keeps {count} uploaded files ({used} bytes) for verification, within {limits.UploadRetention.TotalDays:0.##} days; "
            + $"the quota is {Describe(limits.QuotaCount, "files")} and {Describe(limits.QuotaBytes, "bytes")}. The oldest expires in {Math.Ceiling(freed.TotalSeconds):0} s.")
        {
            RetryAfter = freed,
        };
    }

    static string Describe(long limit, string unit) => limit == 0 ? $"no limit on {unit}" : $"{limit} {unit}";
}

/// <summary>Removes the files of uploads past their retention and marks their records; the reports stay.</summary>
public sealed class ExpiredUploadSweep(DocServiceDb db, IObjectStore store, TimeProvider clock, ILogger<ExpiredUploadSweep> log)
{
    const int Batch = 100;

    /// <summary>One pass over up to a batch of expired files; answers how many were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Verifications
            .Where(v => v.FileDeletedAt == null && v.FileKeptUntil != null && v.FileKeptUntil <= now)
            .OrderBy(v => v.FileKeptUntil).Take(Batch).ToListAsync(ct);
        var removed = 0;
        foreach (var record in expired)
        {
            try
            {
                await store.DeleteAsync(record.StorageKey, ct);
            }
            catch (ObjectNotFoundException)
            {
                // Another node removed it a moment ago, or it never landed.
            }
            catch (ObjectImmutableException)
            {
                // An S3 lock written under a longer retention than now configured: the server decides, retried later.
                log.LogInformation("The upload {Key} is still locked by the object store; it is removed once the lock ends", record.StorageKey);
                continue;
            }
            record.FileDeletedAt = now;
            removed++;
        }
        await db.SaveChangesAsync(ct);
        return removed;
    }

    internal sealed class Worker(IServiceScopeFactory scopes, IOptions<VerificationsOptions> options, TimeProvider clock, ILogger<Worker> log) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            PollingLoop.RunAsync(async ct =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ExpiredUploadSweep>().SweepAsync(ct);
            }, options.Value.SweepInterval, clock, log, "verification retention", stoppingToken);
    }
}
