using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Archive;
using Microsoft.AspNetCore.Hosting;

namespace DocService.Api.Tests.Exchange;

/// <summary>
/// One organ's service on the axis: the archive host (fast worker) with the dispatch and receive workers polling
/// every 100 ms, speaking for <see cref="Organ"/> with its own system id and secret.
/// </summary>
public sealed class ExchangeApi(DatabaseProvider provider, AxisSimulatorHost axis, string organ, string systemId) : ArchiveApi(provider, s3: false)
{
    public string Organ => organ;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Validation:FetchRevocation", "false");
        builder.UseSetting("Axis:Enabled", "true");
        builder.UseSetting("Axis:Endpoint", axis.Endpoint.ToString());
        builder.UseSetting("Axis:SystemId", systemId);
        builder.UseSetting("Axis:Secret", AxisSimulatorHost.SecretOf(systemId));
        builder.UseSetting("Axis:OrganIds:0", organ);
        builder.UseSetting("Axis:PollInterval", "00:00:00.100");
        builder.UseSetting("Axis:InitialBackoff", "00:00:00.200");
        builder.UseSetting("Axis:MaxBackoff", "00:00:01");
        builder.UseSetting("Axis:MaxAttempts", "6");
        builder.UseSetting("Axis:AttemptTimeout", "00:00:10");
        builder.UseSetting("Axis:RetryBaseDelay", "00:00:00.005");
        builder.UseSetting("Axis:RetryMaxDelay", "00:00:00.050");
    }
}

/// <summary>
/// The axis simulator as its own OS process (<c>dotnet DocService.AxisSimulator.dll</c>, built beside the tests) on a
/// free loopback port, with two systems, one per organ, and the given faults; configured on its command line only.
/// </summary>
public sealed class AxisSimulatorHost : IAsyncDisposable
{
    readonly Process _process;
    readonly string _directory;

    AxisSimulatorHost(Process process, string directory, Uri endpoint) => (_process, _directory, Endpoint) = (process, directory, endpoint);

    public Uri Endpoint { get; }

    public static string SecretOf(string systemId) => $"secret-of-{systemId}";

    public static async Task<AxisSimulatorHost> StartAsync(IReadOnlyDictionary<string, string> organBySystem, Dictionary<string, string?>? faults = null)
    {
        var port = FreePort();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        // An empty working directory: no appsettings.json is found, so only these arguments configure it.
        var directory = Directory.CreateTempSubdirectory("axis-simulator-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocService.AxisSimulator.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(endpoint.ToString());
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        var i = 0;
        foreach (var (system, organ) in organBySystem)
        {
            start.ArgumentList.Add($"--Axis:Systems:{i}:SystemId={system}");
            start.ArgumentList.Add($"--Axis:Systems:{i}:Secret={SecretOf(system)}");
            start.ArgumentList.Add($"--Axis:Systems:{i}:OrganIds:0={organ}");
            i++;
        }
        foreach (var (key, value) in faults ?? [])
            start.ArgumentList.Add($"--Faults:{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the axis simulator.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new AxisSimulatorHost(process, directory, endpoint);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(endpoint, TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                    return host;
            }
            catch (HttpRequestException) { }
            if (process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"The axis simulator did not start on {endpoint} (exited: {process.HasExited}).");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
