using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>Brings the schema up to date on start and, when asked, seeds the demo organs and officials.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DatabaseInitializer> log) : IHostedService
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
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the demo organs {Organs}", string.Join(", ", DemoData.Organs.Select(o => o.Id)));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
