using System.CommandLine;
using DocService.Cli.DevPki;

namespace DocService.Cli.Commands;

/// <summary><c>docsvc dev-pki DIR</c>: writes the development PKI (never trusted in production).</summary>
internal static class DevPkiCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "Where to write the PKI, e.g. certs-dev" };
        var force = new Option<bool>("--force") { Description = "Overwrite the files of an existing PKI in a non-empty directory" };
        var command = new Command("dev-pki", "Generate the development PKI") { directory, force };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(directory)!;
            // Regenerating replaces every key, so an accidental run must not silently break what was signed.
            if (target.Exists && target.EnumerateFileSystemInfos().Any() && !parse.GetValue(force))
            {
                parse.InvocationConfiguration.Error.WriteLine($"{target.FullName} is not empty; pass --force to overwrite it.");
                return 1;
            }

            using var pki = new DevPkiGenerator(TimeProvider.System).Generate();
            var output = parse.InvocationConfiguration.Output;
            foreach (var path in DevPkiWriter.Write(pki, target))
                output.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
            output.WriteLine("Development only: never trust these certificates in production.");
            return 0;
        });
        return command;
    }
}
