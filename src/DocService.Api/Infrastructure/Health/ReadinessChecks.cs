using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocService.Api.Infrastructure.Health;

public sealed class DatabaseReadyCheck(DocServiceDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
}

public sealed class ObjectStoreReadyCheck(IObjectStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            await store.CheckReadyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectStoreException)
        {
            return HealthCheckResult.Unhealthy("The object store cannot take writes.", e);
        }
    }
}

public static class HealthSetup
{
    const string Ready = "ready";

    public static IServiceCollection AddDocServiceHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [Ready])
            .AddCheck<ObjectStoreReadyCheck>("object-store", tags: [Ready]);
        return services;
    }

    /// <summary>Live: the process answers. Ready: it can reach its database and object store.</summary>
    public static WebApplication MapDocServiceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }
}
