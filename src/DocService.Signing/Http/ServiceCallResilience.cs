using System.Collections.Concurrent;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace DocService.Signing.Http;

/// <summary>
/// How calls to the services a signature depends on — a TSA, OCSP responders, CRL distribution points —
/// survive a flaky peer: each attempt bounded by a timeout; transient failures (connection errors, 408,
/// 429, 5xx, a timed-out attempt) retried twice with jittered exponential back-off, honouring a
/// Retry-After the peer sends; and a circuit breaker per host, so a responder that keeps failing is left
/// alone for a while and its callers learn at once that it is unavailable instead of waiting on it.
/// </summary>
public static class ServiceCallResilience
{
    public const int MaxRetryAttempts = 2;

    /// <summary>Adds the strategies, outermost first, to a pipeline (an HttpClient factory resilience handler's, or <see cref="CreateClient"/>'s).</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan attemptTimeout) =>
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 6,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(attemptTimeout);

    /// <summary>
    /// The longest a call may take in all: every attempt timing out, and the back-off between them
    /// (five seconds at most each).
    /// </summary>
    public static TimeSpan Budget(TimeSpan attemptTimeout) =>
        attemptTimeout * (MaxRetryAttempts + 1) + TimeSpan.FromSeconds(5) * MaxRetryAttempts;

    /// <summary>
    /// An HttpClient with these strategies, one pipeline per host, for callers without an HttpClient factory
    /// (the command-line tool). The service configures its named clients with <see cref="Configure"/> instead.
    /// </summary>
    public static HttpClient CreateClient(TimeSpan attemptTimeout)
    {
        var pipelines = new ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>>(StringComparer.OrdinalIgnoreCase);
        var handler = new ResilienceHandler(request => pipelines.GetOrAdd(
            request.RequestUri?.Authority ?? "",
            _ => Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), attemptTimeout).Build()))
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
