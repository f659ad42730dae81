using DocService.Api.Infrastructure.Http;
using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// One transport per organ this system speaks for (sendEdoc signs the organ in its <c>from</c> header). A relative
/// <c>Axis:Endpoint</c> is an axis on this service itself (Development's in-process simulator): it is resolved against
/// the address the service listens on once it has started, so the same HTTP transport reaches it on any port.
/// </summary>
public sealed class AxisTransports(IOptions<ExchangeOptions> options, TimeProvider clock, OwnAddress ownAddress, ILogger<VdxpHttpTransport> log) : IDisposable
{
    readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    readonly SemaphoreSlim _building = new(1, 1);
    Dictionary<string, IAxisTransport>? _byOrgan;

    public IReadOnlyCollection<string> Organs => options.Value.Endpoint is null ? [] : options.Value.OrganIds.Distinct().ToList();

    public async Task<IAxisTransport> ForAsync(string organId, CancellationToken ct)
    {
        var byOrgan = _byOrgan ?? await BuildAsync(ct);
        return byOrgan.GetValueOrDefault(organId) ?? throw new InvalidOperationException($"Organ {organId} is not configured under Axis:OrganIds.");
    }

    async Task<Dictionary<string, IAxisTransport>> BuildAsync(CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            if (_byOrgan is { } built)
                return built;
            var o = options.Value;
            if (o.Endpoint is null)
                return _byOrgan = [];
            var endpoint = o.Endpoint.IsAbsoluteUri ? o.Endpoint
                : new Uri(await ownAddress.GetAsync(ct) ?? throw new InvalidOperationException(
                    $"Axis:Endpoint {o.Endpoint} is on this service, which listens on no address."), o.Endpoint);
            return _byOrgan = o.OrganIds.Distinct().ToDictionary(organ => organ, organ => (IAxisTransport)new VdxpHttpTransport(_http, new VdxpOptions
            {
                Endpoint = endpoint,
                OrganId = organ,
                SystemId = o.SystemId,
                Secret = o.Secret,
                MaxAttempts = o.MaxAttempts,
                AttemptTimeout = o.AttemptTimeout,
                BaseDelay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
            }, clock, log));
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _building.Dispose();
    }
}
