using System.CommandLine;
using DocService.Cli.Commands;

namespace DocService.Cli;

/// <summary>docsvc — DocService command-line tools.</summary>
internal static class Docsvc
{
    static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("docsvc — DocService command-line tools")
        {
            DevTokenCommand.Create(),
            DevPkiCommand.Create(),
            AuditVerifyCommand.Create(),
            VerifyCommand.Create(),
            DraftCommand.Create(),
            SignCommand.Create(),
            TokenSignCommand.Create(),
            ResealKeysCommand.Create(),
            ExtendCommand.Create(),
        };
        return await CliErrors.InvokeAsync(root.Parse(args), new InvocationConfiguration());
    }
}
