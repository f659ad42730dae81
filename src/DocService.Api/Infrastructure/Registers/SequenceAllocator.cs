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

    public async Task<long> NextAsync(string key, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A sequence value must be taken inside the caller's transaction.");

        DbConnection connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = UpsertSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        var value = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
