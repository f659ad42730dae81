using System.Net.Sockets;
using DocService.Api.Infrastructure.Startup;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>
/// The database answers and takes this login before the schema is migrated: a server that is down or a wrong
/// password becomes one line naming <c>ConnectionStrings:DocService</c>, not a migration's stack trace.
/// </summary>
sealed class DatabaseStartupCheck(IOptions<DatabaseOptions> options) : IStartupCheck
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public async Task CheckAsync(CancellationToken ct)
    {
        if (options.Value.EffectiveProvider != DatabaseProvider.Postgres)
            return;
        var connection = new NpgsqlConnectionStringBuilder(options.Value.EffectiveConnectionString());
        var server = $"PostgreSQL at {connection.Host}:{connection.Port}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            // Npgsql itself, not EF Core: EF would retry, wrap the error and log its stack trace first.
            await using var probe = new NpgsqlConnection(connection.ConnectionString);
            await probe.OpenAsync(timeout.Token);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answered and the login holds; the migration creates the database.
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            throw new StartupRefusedException(DatabaseSetup.ConnectionStringKey,
                $"{server} refused the login of user '{connection.Username}' — check Username and {DatabaseSetup.PasswordKey}.");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new StartupRefusedException(DatabaseSetup.ConnectionStringKey,
                $"no {server} answers ({Reason(e)}) — check Host and Port, that the server runs, and that this node can reach it.");
        }
    }

    static string Reason(Exception e) => e switch
    {
        OperationCanceledException => $"no answer within {Timeout.TotalSeconds:0} s",
        { InnerException: SocketException socket } => socket.Message,
        _ => e.Message,
    };
}
