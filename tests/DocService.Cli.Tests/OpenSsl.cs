using System.Diagnostics;
using System.Text;
using Shouldly;

namespace DocService.Cli.Tests;

/// <summary>The <c>openssl</c> command line, the independent oracle for what the development PKI wrote.</summary>
internal static class OpenSsl
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <returns>The exit code and everything openssl printed, stdout then stderr.</returns>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} ran longer than {Timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary><c>openssl x509 -text</c> with names printed as UTF-8.</summary>
    public static string Text(string directory, string certificateFile)
    {
        var (exitCode, output) = Run(directory, "x509", "-in", certificateFile, "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space");
        exitCode.ShouldBe(0, output);
        return output;
    }
}
