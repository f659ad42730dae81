using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>
/// The simulator inside any ASP.NET Core host: its own process (<see cref="AxisSimulatorApp"/>), or DocService's in
/// Development, where the service's real HTTP transport calls it at the service's own address — the same protocol
/// code both ways.
/// </summary>
public static class AxisSimulatorHosting
{
    /// <summary>The simulator's state and options: connected systems from <c>Axis</c>, faults from <c>Faults</c> of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddAxisSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AxisOptions>(configuration.GetSection("Axis"));
        services.Configure<FaultOptions>(configuration.GetSection("Faults"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AxisStore>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<SdkAuthentication>();
        services.AddSingleton<AgencyOperations>();
        services.AddSingleton<AxisOperations>();
        return services;
    }

    /// <summary>The operations under <paramref name="routePrefix"/>; packages may be as large as <c>Axis:MaxPackageBytes</c> whatever the host's own limit.</summary>
    public static RouteGroupBuilder MapAxisSimulator(this IEndpointRouteBuilder endpoints, string routePrefix = "")
    {
        var maxPackageBytes = endpoints.ServiceProvider.GetRequiredService<IOptions<AxisOptions>>().Value.MaxPackageBytes;
        endpoints.ServiceProvider.GetRequiredService<AgencyOperations>().Seed();
        var axis = endpoints.MapGroup(routePrefix);
        axis.MapGet("/", () => Results.Text("DocService axis simulator (the SDK's protocol). POST /{operation}."));
        axis.MapMethods("/{operation}", ["GET", "POST"], AxisSimulatorApp.HandleAsync).WithMetadata(new PackageSizeLimit(maxPackageBytes));
        return axis;
    }

    sealed record PackageSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
