using System.Diagnostics;

namespace DocService.Signing.Tests.Support;

public sealed record OpenSslResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}

/// <summary>The openssl command line, the independent oracle for what we build.</summary>
public static class OpenSsl
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<OpenSslResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
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
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }
        return new OpenSslResult(process.ExitCode, await output, await error);
    }

    public static Task<OpenSslResult> CmsVerifyAsync(string signaturePath, string contentPath) =>
        RunAsync("cms", "-verify", "-binary", "-inform", "DER", "-in", signaturePath, "-content", contentPath,
            "-CAfile", DevPki.RootCertificatePath, "-purpose", "any", "-out", "/dev/null");

    public static Task<OpenSslResult> CmsPrintAsync(string signaturePath) =>
        RunAsync("cms", "-cmsout", "-print", "-inform", "DER", "-in", signaturePath);
}
