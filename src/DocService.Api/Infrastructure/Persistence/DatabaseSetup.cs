using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the provider from configuration: SQLite in a file under the data directory by default,
/// PostgreSQL when <c>Database:Provider</c> says so (with <c>ConnectionStrings:DocService</c>).
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddDocServiceDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = ConnectionString(configuration, provider, dataDirectory);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresDocServiceDb>(o => o.UseNpgsql(connectionString));
                services.AddScoped<DocServiceDb>(sp => sp.GetRequiredService<PostgresDocServiceDb>());
                break;
            default:
                services.AddDbContext<SqliteDocServiceDb>(o => o.UseSqlite(connectionString));
                services.AddScoped<DocServiceDb>(sp => sp.GetRequiredService<SqliteDocServiceDb>());
                break;
        }
        return services;
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string dataDirectory) =>
        configuration.GetConnectionString("DocService") is { Length: > 0 } configured
            ? configured
            : provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory, "docservice.db")}"
                : throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:DocService.");

    /// <summary>A context for tools outside the host (the CLI's audit-verify, design-time migrations).</summary>
    public static DocServiceDb CreateContext(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresDocServiceDb(new DbContextOptionsBuilder<PostgresDocServiceDb>().UseNpgsql(connectionString).Options),
        _ => new SqliteDocServiceDb(new DbContextOptionsBuilder<SqliteDocServiceDb>().UseSqlite(connectionString).Options),
    };
}
