namespace DocService.Api.Infrastructure.Telemetry;

/// <summary>
/// Counts the failed calls of one outside dependency (<c>revocation</c>, <c>tsa</c>): answers that are not 2xx and
/// calls that got no answer. It sits inside the resilience pipeline, so every attempt counts.
/// </summary>
public sealed class DependencyFailureCounter(string dependency) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            var response = await base.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                Count(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Count(e is HttpRequestException ? "unreachable" : "timeout");   // a revocation fetch runs under its own deadline
            throw;
        }
    }

    void Count(string reason) =>
        DocServiceTelemetry.DependencyFailures.Add(1, new KeyValuePair<string, object?>("dependency", dependency), new KeyValuePair<string, object?>("reason", reason));
}
