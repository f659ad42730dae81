using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DocService.Benchmarks.Load;

/// <summary>
/// A server under load as its own OS process (the built DocService.Api, or this program's bare
/// Kestrel echo), listening on a port the OS picks: the address is read from its "Now listening on"
/// line, so nothing depends on a fixed port.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string dll, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan timeout)
    {
        // Run from the dll's folder: that is the content root where its appsettings files are.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll)),
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new List<string>();
        void Watch(string? line)
        {
            if (line is null)
                return;
            lock (log)
                if (log.Count < 200)
                    log.Add(line);
            if (line.Contains("listening", StringComparison.OrdinalIgnoreCase) && ListeningAddress().Match(line) is { Success: true } match)
                listening.TrySetResult(new Uri(match.Value));
        }
        process.OutputDataReceived += (_, e) => Watch(e.Data);
        process.ErrorDataReceived += (_, e) => Watch(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout));
        if (first != listening.Task)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            string lines;
            lock (log)
                lines = string.Join(Environment.NewLine, log.TakeLast(30));
            throw new InvalidOperationException($"{Path.GetFileName(dll)} did not start listening within {timeout.TotalSeconds:0} s:{Environment.NewLine}{lines}");
        }
        return new ServiceProcess(process, await listening.Task);
    }

    /// <summary>CPU seconds the process has used so far (user + system), to report cost per request.</summary>
    public double CpuSeconds
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"https?://[\w\.\-\[\]:]+:\d+")]
    private static partial Regex ListeningAddress();
}
