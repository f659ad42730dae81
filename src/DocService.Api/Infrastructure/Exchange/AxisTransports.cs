using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>One VDXP transport per organ this system speaks for (the <c>from</c> header is signed per organ).</summary>
public sealed class AxisTransports : IDisposable
{
    readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    readonly Dictionary<string, IAxisTransport> _byOrgan;

    public AxisTransports(IOptions<ExchangeOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _byOrgan = o.Endpoint is null
            ? []
            : o.OrganIds.Distinct().ToDictionary(organ => organ, organ => (IAxisTransport)new VdxpHttpTransport(_http, new VdxpOptions
            {
                Endpoint = o.Endpoint,
                OrganId = organ,
                SystemId = o.SystemId,
                Secret = o.Secret,
                MaxAttempts = o.MaxAttempts,
                AttemptTimeout = o.AttemptTimeout,
                BaseDelay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
            }, clock));
    }

    public IReadOnlyCollection<string> Organs => _byOrgan.Keys;

    public IAxisTransport For(string organId) =>
        _byOrgan.GetValueOrDefault(organId) ?? throw new InvalidOperationException($"Organ {organId} is not configured under Axis:OrganIds.");

    public void Dispose() => _http.Dispose();
}
