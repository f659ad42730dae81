using Microsoft.EntityFrameworkCore.Design;

namespace DocService.Api.Infrastructure.Persistence;

// Used only by `dotnet ef migrations add`; the connection strings never reach a running service.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDocServiceDb>
{
    public SqliteDocServiceDb CreateDbContext(string[] args) =>
        (SqliteDocServiceDb)DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDocServiceDb>
{
    public PostgresDocServiceDb CreateDbContext(string[] args) =>
        (PostgresDocServiceDb)DatabaseSetup.CreateContext(DatabaseProvider.Postgres, "Host=localhost;Database=design_time");
}
