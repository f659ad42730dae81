using System.Diagnostics;

namespace DocService.Drafting.Tests.Support;

/// <summary>
/// Runs an independent checker (poppler, qpdf). A missing tool skips the test, unless
/// DOCSERVICE_REQUIRE_SERVICES=1 says the environment must have it, which fails the test instead.
/// </summary>
internal static class ExternalTool
{
    public sealed record Output(int ExitCode, string StdOut, string StdErr);

    public static Output Run(string tool, params string[] arguments)
    {
        RequireInstalled(tool);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(1)).ShouldBeTrue($"{tool} did not finish within a minute");
        return new Output(process.ExitCode, stdout.Result, stderr.Result);
    }

    static void RequireInstalled(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (path.Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)))) return;
        var message = $"{tool} is not installed (apt-get install -y poppler-utils qpdf)";
        if (Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_SERVICES") == "1") Assert.Fail(message);
        Assert.Skip(message);
    }
}
