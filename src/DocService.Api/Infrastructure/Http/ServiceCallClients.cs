using DocService.Api.Infrastructure.Telemetry;
using DocService.Signing.Http;
using Microsoft.Extensions.Http.Resilience;

namespace DocService.Api.Infrastructure.Http;

public static class ServiceCallClients
{
    /// <summary>
    /// A named HttpClient for a service signatures depend on (the TSA, OCSP and CRL servers): the retries,
    /// timeouts and circuit breaker of <see cref="ServiceCallResilience"/>, one pipeline per host so one failing
    /// responder does not cut off the others, and every failed attempt counted under <paramref name="name"/>.
    /// </summary>
    public static IServiceCollection AddServiceCallClient(this IServiceCollection services, string name, TimeSpan attemptTimeout)
    {
        services.AddHttpClient(name)
            .AddResilienceHandler(name, pipeline => ServiceCallResilience.Configure(pipeline, attemptTimeout))
            .SelectPipelineByAuthority();
        services.AddHttpClient(name).AddHttpMessageHandler(() => new DependencyFailureCounter(name));
        return services;
    }
}
