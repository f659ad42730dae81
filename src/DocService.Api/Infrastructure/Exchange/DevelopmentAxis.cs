using DocService.Api.Infrastructure.Persistence;
using DocService.AxisSimulator;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// Development's axis: when <c>Axis:Endpoint</c> is a path on this service (appsettings.Development.json says
/// <c>/api/v1/dev/axis/</c>), the axis simulator is hosted there, in this process, with this system connected for
/// the organs it speaks for (by default both demo organs). The dispatch and receive workers reach it through the real
/// VDXP HTTP transport at the address the service listens on, so the protocol is the one production speaks. Never
/// hosted outside Development; an absolute endpoint (a separate simulator, the real axis) hosts nothing.
/// </summary>
public static class DevelopmentAxis
{
    public static IServiceCollection AddDevelopmentAxis(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!Hosted(configuration, environment))
            return services;
        var axis = configuration.GetSection(ExchangeOptions.Section);
        var organs = OrganIds(configuration);
        var path = Path(configuration)!;
        services.PostConfigure<ExchangeOptions>(options =>
        {
            // A path is relative to the service's own address (System.Uri would read it as a file on Unix).
            options.Endpoint = new Uri(path, UriKind.Relative);
            if (options.OrganIds.Count == 0)
                options.OrganIds.AddRange(organs);
        });
        var simulator = new Dictionary<string, string?>
        {
            ["Axis:Systems:0:SystemId"] = axis[nameof(ExchangeOptions.SystemId)],
            ["Axis:Systems:0:Secret"] = axis[nameof(ExchangeOptions.Secret)],
        };
        for (var i = 0; i < organs.Count; i++)
            simulator[$"Axis:Systems:0:OrganIds:{i}"] = organs[i];
        return services.AddAxisSimulator(new ConfigurationBuilder().AddInMemoryCollection(simulator).Build());
    }

    /// <summary>The simulator's operations at the endpoint's path; it authenticates callers itself (HMAC headers), not with tokens.</summary>
    public static void Map(WebApplication app)
    {
        if (Hosted(app.Configuration, app.Environment))
            app.MapAxisSimulator(Path(app.Configuration)!.TrimEnd('/')).AllowAnonymous().ExcludeFromDescription();
    }

    static bool Hosted(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && Path(configuration) is not null;

    /// <summary><c>Axis:Endpoint</c> when it is a path (<c>/api/v1/dev/axis/</c>) rather than a URL.</summary>
    static string? Path(IConfiguration configuration) =>
        configuration[$"{ExchangeOptions.Section}:{nameof(ExchangeOptions.Endpoint)}"] is { } endpoint && endpoint.StartsWith('/') ? endpoint : null;

    /// <summary><c>Axis:OrganIds</c>, or — none configured — the demo organs, which Development seeds.</summary>
    static List<string> OrganIds(IConfiguration configuration) =>
        configuration.GetSection($"{ExchangeOptions.Section}:{nameof(ExchangeOptions.OrganIds)}").Get<List<string>>() is { Count: > 0 } configured
            ? configured
            : DemoData.OrganIds.ToList();
}
