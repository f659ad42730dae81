using System.Net.Http.Headers;

namespace DocService.Signing.Timestamps;

/// <summary>Where the TSA is and how to ask it.</summary>
public sealed record TimestampClientOptions
{
    public required Uri Url { get; init; }

    /// <summary>A TSA policy OID to request; null accepts the TSA's default.</summary>
    public string? PolicyOid { get; init; }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Per attempt: a TSA that does not answer in time is unavailable, not a hang. The HttpClient retries
    /// transient failures (<see cref="Http.ServiceCallResilience"/>), within its budget for this timeout.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}

/// <summary>
/// RFC 3161 over HTTP (§3.4): POST application/timestamp-query, read application/timestamp-reply,
/// and check the reply against the request before handing out the token.
/// </summary>
public sealed class Rfc3161Client(HttpClient http, TimestampClientOptions options) : ITimestampClient
{
    const int MaxResponseBytes = 1024 * 1024;

    public TimestampClientOptions Options => options;

    public async Task<byte[]> StampAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct) =>
        (await RequestAsync(digest, algorithm, ct).ConfigureAwait(false)).Encoded;

    /// <summary>As <see cref="StampAsync"/>, with the time and the TSA certificate of the token.</summary>
    public async Task<TimestampToken> RequestAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct)
    {
        var request = TimestampRequest.For(digest.Span, algorithm, options.PolicyOid);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Http.ServiceCallResilience.Budget(options.Timeout));
        byte[] body;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(request.Encode()) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Unavailable($"it answered HTTP {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentLength > MaxResponseBytes)
                throw new TimestampException(TimestampException.InvalidResponse, "The TSA's answer is larger than 1 MiB.");
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            throw Unavailable($"no answer within {options.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            throw Unavailable("it failed repeatedly just now; it is asked again in a few seconds.", e);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable(e.Message, e);
        }
        return TimestampResponse.Check(request, body);
    }

    TimestampException Unavailable(string reason, Exception? inner = null) =>
        new(TimestampException.Unavailable, $"The timestamping authority {options.Url} is unavailable: {reason}", inner);
}
