using DocService.AxisSimulator;
using DocService.Exchange.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Exchange.Tests.Support;

/// <summary>The axis simulator on a free loopback port, spoken to over real HTTP.</summary>
internal sealed class RunningSimulator : IAsyncDisposable
{
    public const string H41System = "sys-h41";
    public const string H41Secret = "secret-h41";
    public const string G22System = "sys-g22";
    public const string G22Secret = "secret-g22";

    readonly WebApplication _app;
    readonly List<HttpClient> _clients = [];

    RunningSimulator(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    public AxisStore Store => _app.Services.GetRequiredService<AxisStore>();

    public static async Task<RunningSimulator> StartAsync(Dictionary<string, string?>? faults = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Axis:Systems:0:SystemId"] = H41System,
            ["Axis:Systems:0:Secret"] = H41Secret,
            ["Axis:Systems:0:OrganIds:0"] = TestPackages.H41.OrganId,
            ["Axis:Systems:1:SystemId"] = G22System,
            ["Axis:Systems:1:Secret"] = G22Secret,
            ["Axis:Systems:1:OrganIds:0"] = TestPackages.G22.OrganId,
            ["Axis:Systems:1:OrganIds:1"] = TestPackages.H14.OrganId,
        };
        foreach (var (key, value) in faults ?? [])
            settings["Faults:" + key] = value;
        var app = AxisSimulatorApp.Build(["--urls", "http://127.0.0.1:0"], settings);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningSimulator(app);
    }

    public VdxpHttpTransport Transport(string organId, string? secret = null, int maxAttempts = 8, TimeSpan? attemptTimeout = null)
    {
        var (system, realSecret) = organId == TestPackages.H41.OrganId ? (H41System, H41Secret) : (G22System, G22Secret);
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(client);
        return new VdxpHttpTransport(client, new VdxpOptions
        {
            Endpoint = Endpoint,
            OrganId = organId,
            SystemId = system,
            Secret = secret ?? realSecret,
            MaxAttempts = maxAttempts,
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
