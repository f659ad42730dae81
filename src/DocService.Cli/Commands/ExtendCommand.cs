using DocService.Signing.Http;
using System.CommandLine;
using DocService.Signing.Pades;
using DocService.Signing.Timestamps;

namespace DocService.Cli.Commands;

/// <summary><c>docsvc extend IN OUT --level B-T|B-LT|B-LTA --tsa URL</c>: adds long-term evidence to every signature of a PDF.</summary>
internal static class ExtendCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "A signed PDF (ours or another tool's)" }.MustExist();
        var output = new Argument<FileInfo>("output") { Description = "Where the extended PDF goes" };
        var levels = new LevelOptions();
        var command = new Command("extend", "Extend signatures to B-T, B-LT or B-LTA; an LTA file is re-timestamped") { input, output };
        levels.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!LevelOptions.TryParseLevel(parse.GetValue(levels.Level)!, out var level) || level == PadesLevel.BB)
                return Fail("--level takes B-T, B-LT or B-LTA.");
            using var http = ServiceCallResilience.CreateClient(TimestampClientOptions.DefaultTimeout);
            var extender = levels.Extender(parse, levels.Client(parse, http));
            if (extender is null)
                return Fail("--tsa is needed to extend.");

            var target = parse.GetValue(output)!;
            var temporary = target.FullName + ".partial";
            try
            {
                await using (var source = parse.GetValue(input)!.OpenRead())
                await using (var destination = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite))
                {
                    var ltv = await extender.ExtendAsync(source, destination, level, ct);
                    if (ltv is { Missing.Count: > 0 })
                        Console.Error.WriteLine("Revocation data could not be found for: " + string.Join("; ", ltv.Missing));
                }
                File.Move(temporary, target.FullName, overwrite: true);
            }
            catch (Exception e) when (e is SignatureNotPermittedException or TimestampException)
            {
                File.Delete(temporary);
                return Fail(e.Message);
            }
            Console.WriteLine($"Extended {target.FullName} to {parse.GetValue(levels.Level)}");
            return 0;
        });
        return command;
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
