using System.Net;
using System.Net.Sockets;
using DocService.Signing.Http;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using DocService.Signing.Validation.Revocation;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Validation;

/// <summary>
/// Fetching revocation from a CRL server that misbehaves on cue (a real HTTP listener on loopback): retries that
/// honour Retry-After, a circuit breaker that stops asking a server that keeps failing, and CRLs kept until
/// their nextUpdate. The OCSP responder the certificates name is down throughout, so the CRL decides.
/// </summary>
public sealed class RevocationResilienceTests : IDisposable
{
    const string OcspUrl = "http://localhost:5080/api/v1/dev/ocsp";
    const string CrlUrl = "http://localhost:5080/api/v1/dev/crl/issuing-ca.crl";

    readonly FlakyCrlServer _server = new();

    public void Dispose() => _server.Dispose();

    ValidationOptions Options(HttpClient? http = null, RevocationCache? cache = null, TimeProvider? clock = null) => DevOptions(DateTimeOffset.UtcNow) with
    {
        TimeProvider = clock ?? TimeProvider.System,
        Revocation = new RevocationPolicy
        {
            FetchOnline = true,
            Timeout = TimeSpan.FromSeconds(3),
            HttpClient = http,
            Cache = cache,
            UrlOverrides = new Dictionary<string, string>
            {
                [OcspUrl] = $"http://127.0.0.1:{RevocationServers.DeadPort()}/ocsp",
                [CrlUrl] = $"http://127.0.0.1:{_server.Port}/crl/issuing-ca.crl",
            },
        },
    };

    [Fact]
    public async Task A_server_that_asks_to_retry_later_is_asked_again_after_the_time_it_names()
    {
        _server.Answer = request => request == 1 ? (HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1) : (HttpStatusCode.OK, null);
        var pdf = await SignedAsync();

        var signature = (await ValidateAsync(pdf, Options())).Signatures.ShouldHaveSingleItem();

        signature.Revocation.Status.ShouldBe(RevocationStatus.Good, string.Join(" ", signature.Revocation.Reasons));
        signature.Revocation.Certificates[0].Source!.ShouldStartWith("CRL ");
        _server.Arrivals.Count.ShouldBe(2);
        (_server.Arrivals[1] - _server.Arrivals[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_left_alone_and_the_signature_stays_indeterminate()
    {
        _server.Answer = _ => (HttpStatusCode.InternalServerError, null);
        using var http = ServiceCallResilience.CreateClient(TimeSpan.FromSeconds(3));
        var pdf = await SignedAsync();

        for (var i = 0; i < 2; i++)
            (await ValidateAsync(pdf, Options(http))).Signatures.ShouldHaveSingleItem().Indication.ShouldBe(Indication.Indeterminate);
        var askedBefore = _server.Arrivals.Count;
        var signature = (await ValidateAsync(pdf, Options(http))).Signatures.ShouldHaveSingleItem();

        askedBefore.ShouldBe(2 * (ServiceCallResilience.MaxRetryAttempts + 1));
        _server.Arrivals.Count.ShouldBe(askedBefore);
        signature.Indication.ShouldBe(Indication.Indeterminate);
        signature.SubIndication.ShouldBe(SubIndication.TryLater);
        signature.Revocation.Certificates[0].Problems.ShouldContain(p => p.StartsWith("CRL ") && p.Contains("failed repeatedly"));
    }

    [Fact]
    public async Task A_fetched_crl_serves_every_validation_until_its_next_update()
    {
        _server.Answer = _ => (HttpStatusCode.OK, null);
        var cache = new RevocationCache();
        var pdf = await SignedAsync();
        var other = await SignedAsync("official-ecdsa-p256");

        foreach (var document in new[] { pdf, other, pdf })
            (await ValidateAsync(document, Options(cache: cache))).Signatures.ShouldHaveSingleItem()
                .Revocation.Status.ShouldBe(RevocationStatus.Good);
        _server.Arrivals.Count.ShouldBe(1);

        // certs-dev's CRL says its next update is due on 3 December 2031: after that it is fetched again.
        await ValidateAsync(pdf, Options(cache: cache, clock: new FixedTimeProvider(new DateTimeOffset(2031, 12, 4, 0, 0, 0, TimeSpan.Zero))));
        _server.Arrivals.Count.ShouldBe(2);
    }

    /// <summary>Serves certs-dev's CRL, or the failure <see cref="Answer"/> gives for the n-th request (from 1).</summary>
    sealed class FlakyCrlServer : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly byte[] _crl = File.ReadAllBytes(Path.Combine(DevPki.Directory, "issuing-ca.crl"));
        readonly List<DateTimeOffset> _arrivals = [];

        public Func<int, (HttpStatusCode Status, int? retryAfterSeconds)> Answer { get; set; } = _ => (HttpStatusCode.OK, null);

        public int Port { get; }

        public IReadOnlyList<DateTimeOffset> Arrivals
        {
            get
            {
                lock (_arrivals)
                    return [.. _arrivals];
            }
        }

        public FlakyCrlServer()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    int number;
                    lock (_arrivals)
                    {
                        _arrivals.Add(DateTimeOffset.UtcNow);
                        number = _arrivals.Count;
                    }
                    var (status, retryAfter) = Answer(number);
                    context.Response.StatusCode = (int)status;
                    if (retryAfter is { } seconds)
                        context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (status == HttpStatusCode.OK)
                    {
                        context.Response.ContentType = "application/pkix-crl";
                        await context.Response.OutputStream.WriteAsync(_crl);
                    }
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
