using System.Net.Http.Headers;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DocService.Api.Tests.Infrastructure;

/// <summary>
/// The real host on real Kestrel with a real database: a SQLite file in a temporary data directory,
/// or a new PostgreSQL database on the server the test command started.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "VGhpcyBpcyB0aGUgdGVzdCBzaWduaW5nIGtleSBvZiBEb2NTZXJ2aWNlLCAzMiBieXRlcyBvciBtb3JlLg==";
    public const long MaxUploadBytes = 256 * 1024;
    public const string KeyProtectionKey = "ZG9jc2VydmljZS10ZXN0LWtleS1wcm90ZWN0aW9uMzI=";

    readonly DatabaseProvider _provider;
    string? _connectionString;

    public ApiFactory(DatabaseProvider provider)
    {
        _provider = provider;
        DataDirectory = Directory.CreateTempSubdirectory("docservice-test-").FullName;
        UseKestrel(0);
    }

    /// <summary>
    /// A second host on the first one's database and data directory: the service restarted. Dispose the
    /// first with <see cref="KeepData"/> set, so its database and files outlive it.
    /// </summary>
    public ApiFactory(ApiFactory restartOf)
    {
        _provider = restartOf._provider;
        DataDirectory = restartOf.DataDirectory;
        _connectionString = restartOf.ConnectionString;
        Settings = new Dictionary<string, string>(restartOf.Settings);
        UseKestrel(0);
    }

    /// <summary>Settings this host runs with besides the common ones (a restarted host keeps them).</summary>
    protected Dictionary<string, string> Settings { get; } = [];

    /// <summary>Leaves the database and the data directory in place on dispose (for a restarted host to take over).</summary>
    public bool KeepData { get; set; }

    public DatabaseProvider Provider => _provider;
    public string DataDirectory { get; }
    public string ConnectionString => _connectionString ??= CreateConnectionString();

    /// <summary>A client that calls the API over HTTP as the given official of the given organ.</summary>
    public HttpClient ClientFor(string organ, params string[] roles) => ClientFor($"user-{roles.FirstOrDefault() ?? "none"}", organ, roles);

    public HttpClient ClientFor(string user, string organ, string[] roles) =>
        ClientWithToken(new DevTokens(SigningKey).Create(user, organ, roles, TimeSpan.FromMinutes(30)));

    public HttpClient ClientWithToken(string? token)
    {
        _ = ConnectionString; // skips (or fails) here, before the host starts, when the database is not configured
        var client = CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public DocServiceDb CreateDb() => DatabaseSetup.CreateContext(_provider, ConnectionString);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Auth:DevSigningKey", SigningKey);
        builder.UseSetting("Keys:ProtectionKey", KeyProtectionKey);
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:DocService", ConnectionString);
        builder.UseSetting("Documents:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Off unless a test sets it: suites upload dozens of PDFs as one official within a minute.
        builder.UseSetting("RateLimits:Uploads:PermitLimit", "0");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>
    /// For a host run in Production: tokens from an OIDC authority (never fetched, as no test sends a token), since
    /// Production refuses to start with the development key.
    /// </summary>
    public static void UseOidcAuthority(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:DevSigningKey", "");
        builder.UseSetting("Auth:Authority", "https://id.example.gov.vn/realms/agency");
    }

    string CreateConnectionString()
    {
        if (_provider == DatabaseProvider.Sqlite)
            return $"Data Source={Path.Combine(DataDirectory, "docservice.db")}";
        var server = new NpgsqlConnectionStringBuilder(RequiredService.Get("DOCSERVICE_TEST_POSTGRES", "PostgreSQL"))
        {
            Database = $"docservice_test_{Guid.NewGuid():N}",
        };
        return server.ConnectionString;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepData)
        {
            GC.SuppressFinalize(this);
            return;
        }
        if (_provider == DatabaseProvider.Postgres && _connectionString is not null)
            await DropDatabaseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        var database = builder.Database;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteApi() : ApiFactory(DatabaseProvider.Sqlite);

public sealed class PostgresApi() : ApiFactory(DatabaseProvider.Postgres);

/// <summary>
/// A host that answers OCSP and serves the CRL for certs-dev itself (<c>Validation:DevelopmentRevocation</c>), so a
/// certificate about to sign in a three-step session can be shown not revoked.
/// </summary>
public class SigningApi : ApiFactory
{
    public SigningApi(DatabaseProvider provider) : base(provider) => Settings["Validation:DevelopmentRevocation"] = "true";
}

public sealed class SqliteSigningApi() : SigningApi(DatabaseProvider.Sqlite);

public sealed class PostgresSigningApi() : SigningApi(DatabaseProvider.Postgres);
