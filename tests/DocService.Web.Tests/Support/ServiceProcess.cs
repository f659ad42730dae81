using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Web.Tests.Support;

/// <summary>
/// The service as a user starts it — the built host in its own process, Development, the repository's settings and
/// development PKI — on a port the system picks, with a temporary data directory so every run starts from the seed.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    readonly string _data;
    readonly StringBuilder _log = new();
    readonly Process _process;

    ServiceProcess(Process process, string data) => (_process, _data) = (process, data);

    public Uri Address { get; private set; } = null!;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<ServiceProcess> StartAsync(CancellationToken ct)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "DocService.Api");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var data = Directory.CreateTempSubdirectory("docservice-web-").FullName;
        foreach (var argument in new[] { Path.Combine(project, "bin", BuildConfiguration(), "net10.0", "DocService.Api.dll"),
                     "--urls", "http://127.0.0.1:0", "--contentRoot", project, "--DataDirectory", data })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var service = new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start DocService.Api."), data);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data, listening);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data, listening);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            service.Address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90), ct);
        }
        catch (TimeoutException)
        {
            await service.DisposeAsync();
            throw new InvalidOperationException($"The service did not say where it listens:\n{service.Log}");
        }
        return service;
    }

    /// <summary>The host is built beside these tests in the same configuration (Debug or Release).</summary>
    static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    void Append(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
            return;
        lock (_log)
            if (_log.Length < 500_000)
                _log.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
