using System.CommandLine;
using System.Text.Json;
using DocService.Cli.Commands;
using Xunit;

[assembly: AssemblyFixture(typeof(DocService.Cli.Tests.GeneratedPki))]

namespace DocService.Cli.Tests;

/// <summary>One entry of index.json, read the way a consumer of the folder would.</summary>
public sealed record IndexEntry(string Name, string Role, string KeyType, string Certificate, string Pkcs12, string Password);

/// <summary>
/// A development PKI generated once for the whole test run by invoking <c>docsvc dev-pki</c> into a temporary
/// directory: RSA-4096 key generation is too slow to repeat per test.
/// </summary>
public sealed class GeneratedPki : IDisposable
{
    public GeneratedPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("docsvc-dev-pki-").FullName;
        (ExitCode, Output, _) = DocsvcCli.Run("dev-pki", Directory);
        if (ExitCode == 0)
        {
            var json = File.ReadAllText(Path.Combine(Directory, "index.json"));
            Index = JsonSerializer.Deserialize<IndexEntry[]>(json, JsonSerializerOptions.Web) ?? [];
        }
    }

    public string Directory { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public IReadOnlyList<IndexEntry> Index { get; } = [];

    public IndexEntry Entry(string name) => Index.Single(entry => entry.Name == name);

    public IEnumerable<IndexEntry> WithRole(params string[] roles) => Index.Where(entry => roles.Contains(entry.Role));

    public string PathOf(string file) => Path.Combine(Directory, file);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>Runs <c>docsvc</c> in-process, as its Program.cs would, capturing what it prints.</summary>
internal static class DocsvcCli
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DevPkiCommand.Create() };
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
