using System.Diagnostics;

namespace DocService.Signing.Tests.Support;

public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}

/// <summary>
/// Runs an independent command-line tool (openssl, pdfsig, qpdf, certutil) with a timeout. A tool
/// that is not installed skips the test, or fails it under the test command (DOCSERVICE_REQUIRE_SERVICES=1).
/// </summary>
public static class ExternalTool
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static void Require(string program)
    {
        var found = Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
        if (found)
            return;
        var reason = $"{program} is not installed (./test.sh installs it).";
        if (Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_SERVICES") == "1")
            Assert.Fail(reason);
        Assert.Skip(reason);
    }

    public static async Task<ToolResult> RunAsync(string program, params string[] arguments)
    {
        Require(program);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }
        return new ToolResult(process.ExitCode, await output, await error);
    }
}
