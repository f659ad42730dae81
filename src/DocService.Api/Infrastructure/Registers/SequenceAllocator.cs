using System.Data.Common;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DocService.Api.Infrastructure.Registers;

/// <summary>
/// Hands out the next value of a counter inside the caller's transaction. One upsert both
/// increments and locks the counter row, so concurrent callers queue behind each other until the
/// holder commits (PostgreSQL row lock; SQLite's write lock, taken by Microsoft.Data.Sqlite's
/// immediate transactions). A rolled-back transaction rolls the increment back with it: no gaps.
/// </summary>
public sealed class SequenceAllocator(DocServiceDb db)
{
    const string UpsertSql = """
        INSERT INTO "Counters" ("Key", "Value") VALUES (@key, 1)
        ON CONFLICT ("Key") DO UPDATE SET "Value" = "Counters"."Value" + 1
        RETURNING "Value"
        """;

    public Task<long> NextAsync(string key, CancellationToken ct) => RunAsync(UpsertSql, key, ct);

    /// <summary>
    /// The value <see cref="NextAsync"/> would hand out next, with the counter row locked as
    /// <see cref="NextAsync"/> locks it, but without taking it: for a number that must be printed
    /// before the transaction that takes it (the three-step issue step holds it meanwhile).
    /// </summary>
    public async Task<long> PeekNextAsync(string key, CancellationToken ct) => await RunAsync(LockSql, key, ct) + 1;

    const string LockSql = """
        INSERT INTO "Counters" ("Key", "Value") VALUES (@key, 0)
        ON CONFLICT ("Key") DO UPDATE SET "Value" = "Counters"."Value"
        RETURNING "Value"
        """;

    async Task<long> RunAsync(string sql, string key, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A sequence value must be taken inside the caller's transaction.");

        DbConnection connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        var value = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
