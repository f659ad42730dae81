using DocService.Api.Infrastructure.Keys;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>Brings the schema up to date on start and, when asked, seeds the demo organs and officials.</summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, KeyVault vault, TimeProvider clock, ILogger<DatabaseInitializer> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        await db.Database.MigrateAsync(ct);

        if (configuration.GetValue("Seed:DemoData", false) && !await db.Organs.AnyAsync(ct))
        {
            db.Organs.AddRange(DemoData.Organs);
            db.Officials.AddRange(DemoData.Officials);
            if (DemoSigningMaterial.FindCertsDev(environment.ContentRootPath) is { } certsDev)
                DemoSigningMaterial.Seed(db, vault, certsDev, clock.GetUtcNow());
            else
                log.LogWarning("certs-dev was not found above {ContentRoot}: no demo signing keys were seeded", environment.ContentRootPath);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the demo organs {Organs}", string.Join(", ", DemoData.Organs.Select(o => o.Id)));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
