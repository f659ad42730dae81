using DocService.Api.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DocService.Api.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the provider from configuration: SQLite in a file under the data directory by default,
/// PostgreSQL when <c>Database:Provider</c> says so (with <c>ConnectionStrings:DocService</c>, and the password
/// from <c>Database:Password</c> — a secret file — rather than pasted into the connection string).
/// </summary>
public static class DatabaseSetup
{
    public const string ProviderKey = "Database:Provider";
    public const string PasswordKey = "Database:Password";
    public const string ConnectionStringKey = "ConnectionStrings:DocService";

    public static IServiceCollection AddDocServiceDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(options =>
            {
                options.Provider = configuration[ProviderKey];
                options.ConnectionString = configuration.GetConnectionString("DocService");
                options.Password = configuration[PasswordKey];
                options.DataDirectory = dataDirectory;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<IStartupCheck, DatabaseStartupCheck>();

        // Notifications are written by the save that makes the change they report (tools' contexts write none).
        services.AddSingleton<Notifications.DocumentEvents>();
        // An unknown provider is refused by the validator before anything opens a context.
        switch (DatabaseOptions.ParseProvider(configuration[ProviderKey]) ?? DatabaseProvider.Sqlite)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresDocServiceDb>((sp, o) => o.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.EffectiveConnectionString())
                    .AddInterceptors(sp.GetRequiredService<Notifications.DocumentEvents>()));
                services.AddScoped<DocServiceDb>(sp => sp.GetRequiredService<PostgresDocServiceDb>());
                break;
            default:
                services.AddDbContext<SqliteDocServiceDb>((sp, o) => o.UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.EffectiveConnectionString())
                    .AddInterceptors(sp.GetRequiredService<Notifications.DocumentEvents>()));
                services.AddScoped<DocServiceDb>(sp => sp.GetRequiredService<SqliteDocServiceDb>());
                break;
        }
        return services;
    }

    /// <summary>A context for tools outside the host (the CLI's audit-verify, design-time migrations).</summary>
    public static DocServiceDb CreateContext(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresDocServiceDb(new DbContextOptionsBuilder<PostgresDocServiceDb>().UseNpgsql(connectionString).Options),
        _ => new SqliteDocServiceDb(new DbContextOptionsBuilder<SqliteDocServiceDb>().UseSqlite(connectionString).Options),
    };
}

/// <summary><c>Database:*</c> and <c>ConnectionStrings:DocService</c> as the host reads them.</summary>
public sealed class DatabaseOptions
{
    public string? Provider { get; set; }
    public string? ConnectionString { get; set; }
    public string? Password { get; set; }
    public string DataDirectory { get; set; } = "";

    public DatabaseProvider EffectiveProvider => ParseProvider(Provider) ?? DatabaseProvider.Sqlite;

    public static DatabaseProvider? ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : null;

    /// <summary>The configured connection string with <c>Database:Password</c> put in; the SQLite file by default.</summary>
    public string EffectiveConnectionString()
    {
        if (EffectiveProvider == DatabaseProvider.Sqlite)
            return ConnectionString is { Length: > 0 } sqlite ? sqlite : $"Data Source={Path.Combine(DataDirectory, "docservice.db")}";
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(Password))
            builder.Password = Password;
        return builder.ConnectionString;
    }
}

sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (DatabaseOptions.ParseProvider(options.Provider) is not { } provider)
            return ValidateOptionsResult.Fail($"{DatabaseSetup.ProviderKey} is '{options.Provider}': it must be Sqlite or Postgres.");
        if (provider != DatabaseProvider.Postgres)
            return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{DatabaseSetup.ConnectionStringKey} is not set: {DatabaseSetup.ProviderKey} is Postgres, give Host, Database and Username (the password in {DatabaseSetup.PasswordKey}).");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrEmpty(builder.Host))
                return ValidateOptionsResult.Fail($"{DatabaseSetup.ConnectionStringKey} names no Host.");
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it did not understand, never a value.
            return ValidateOptionsResult.Fail($"{DatabaseSetup.ConnectionStringKey} is not a PostgreSQL connection string: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
