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

        var seed = configuration.GetValue("Seed:DemoData", false);
        if (seed && !environment.IsDevelopment())
        {
            // Demo officials with well-known names and dev keys have no place beside real ones.
            log.LogWarning("Seed:DemoData is ignored outside Development (environment {Environment})", environment.EnvironmentName);
            seed = false;
        }
        if (seed && !await db.Organs.AnyAsync(ct))
        {
            var now = clock.GetUtcNow();
            db.Organs.AddRange(DemoData.Organs(now));
            db.Units.AddRange(DemoData.Units(now));
            db.Officials.AddRange(DemoData.Officials(now));
            if (DemoSigningMaterial.FindCertsDev(environment.ContentRootPath) is { } certsDev)
                DemoSigningMaterial.Seed(db, vault, certsDev, clock.GetUtcNow());
            else
                log.LogWarning("certs-dev was not found above {ContentRoot}: no demo signing keys were seeded", environment.ContentRootPath);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the demo organs {Organs}", string.Join(", ", DemoData.OrganIds));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
