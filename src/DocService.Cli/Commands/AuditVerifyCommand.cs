using System.CommandLine;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;

namespace DocService.Cli.Commands;

/// <summary><c>docsvc audit-verify</c>: checks the audit hash chain straight in the database.</summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var provider = new Option<DatabaseProvider>("--provider") { Description = "Sqlite or Postgres", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var connection = new Option<string>("--connection")
        {
            Description = "Connection string; default: the embedded database of `dotnet run --project src/DocService.Api`",
            DefaultValueFactory = _ => $"Data Source={Path.Combine("src", "DocService.Api", "data", "docservice.db")}",
        };

        var command = new Command("audit-verify", "Verify the audit chain and report the first broken link") { provider, connection };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = DatabaseSetup.CreateContext(parse.GetValue(provider), parse.GetValue(connection)!);
            var chain = new AuditChain(db, new SequenceAllocator(db), TimeProvider.System);
            var result = await chain.VerifyAsync(ct);
            if (result.Valid)
            {
                Console.WriteLine($"Audit chain intact: {result.EntriesVerified} entries verified.");
                return 0;
            }
            Console.WriteLine($"Audit chain BROKEN at entry {result.FirstBrokenLink!.Sequence}: {result.FirstBrokenLink.Reason}. " +
                              $"{result.EntriesVerified} entries before it are intact.");
            return 1;
        });
        return command;
    }
}
