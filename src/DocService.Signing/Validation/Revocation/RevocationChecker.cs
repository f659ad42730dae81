using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Http;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Pdf;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DocService.Signing.Validation.Revocation;

/// <summary>Revocation data the document carries: in its DSS, and in the signature's CMS.</summary>
internal sealed record EmbeddedRevocationData(IReadOnlyList<(string Source, byte[] Bytes)> OcspResponses, IReadOnlyList<(string Source, byte[] Bytes)> Crls)
{
    public static EmbeddedRevocationData From(DocumentSecurityStore dss, CmsSignedData? cms)
    {
        var ocsp = dss.OcspResponses.Select(b => ("DSS", b)).ToList();
        var crls = dss.Crls.Select(b => ("DSS", b)).ToList();
        if (cms is not null)
        {
            ocsp.AddRange(cms.EmbeddedOcspResponses.Select(b => ("CMS", b)));
            crls.AddRange(cms.EmbeddedCrls.Select(b => ("CMS", b)));
        }
        return new(ocsp, crls);
    }
}

/// <summary>An answer fetched online, with its bytes (DER OCSPResponse or CRL).</summary>
internal sealed record FetchedRevocation(RevocationAnswer Answer, string Source, byte[] Bytes, bool IsOcsp);

/// <summary>
/// Revocation of every certificate of a chain except its anchor: embedded data first (DSS, CMS),
/// then, when allowed, OCSP and CRLs fetched from the URLs in the certificates, each request
/// bounded by a timeout. Unavailable, stale, unauthorised or unreadable data never counts as
/// "not revoked" (DESIGN §5): the result is then <see cref="RevocationStatus.Unavailable"/>.
/// </summary>
internal sealed class RevocationChecker(ValidationOptions options)
{
    const string OcspNoCheck = "1.3.6.1.5.5.7.48.1.5";

    readonly Lazy<HttpClient> _http = new(() => options.Revocation.HttpClient ?? ServiceCallResilience.CreateClient(options.Revocation.Timeout));

    /// <param name="chain">Signer first, anchor last.</param>
    /// <param name="at">The time the status must hold for (the best signature time).</param>
    /// <param name="embedded">OCSP responses and CRLs found in the document.</param>
    /// <param name="validationTime">Now, or the auditor's chosen time: freshness is judged against it.</param>
    /// <param name="ct">Cancels fetching.</param>
    public async Task<RevocationResult> CheckAsync(IReadOnlyList<X509Certificate2> chain, EmbeddedRevocationData embedded,
        DateTimeOffset at, DateTimeOffset validationTime, CancellationToken ct)
    {
        var results = new List<CertificateRevocation>();
        var anchorExempt = AnchorNeedsNoRevocation(chain[^1]);
        for (var i = 0; i + 1 < chain.Count; i++)
            results.Add(await CheckOneAsync(chain[i], chain[i + 1], anchorExempt ? chain[^1] : null, embedded, at, validationTime, ct));

        var status = results.Any(r => r.Status == RevocationStatus.Revoked) ? RevocationStatus.Revoked
            : results.All(r => r.Status == RevocationStatus.Good) ? RevocationStatus.Good
            : RevocationStatus.Unavailable;
        var reasons = results.Where(r => r.Status != RevocationStatus.Good)
            .Select(r => $"{r.Subject}: {r.Status}" + (r.Problems.Count > 0 ? " (" + string.Join("; ", r.Problems) + ")" : "")).ToList();
        return new RevocationResult(status, results, reasons);
    }

    /// <summary>Whether the chain's anchor is configured as not needing revocation (<see cref="RevocationPolicy.AnchorsWithoutRevocation"/>).</summary>
    bool AnchorNeedsNoRevocation(X509Certificate2 anchor) =>
        options.Revocation.AnchorsWithoutRevocation.Count > 0
        && options.Revocation.AnchorsWithoutRevocation.Contains(anchor.GetCertHashString(HashAlgorithmName.SHA256), StringComparer.OrdinalIgnoreCase);

    // exemptAnchor: the chain's anchor when it is configured as not needing revocation, else null.
    async Task<CertificateRevocation> CheckOneAsync(X509Certificate2 certificate, X509Certificate2 issuer, X509Certificate2? exemptAnchor,
        EmbeddedRevocationData embedded, DateTimeOffset at, DateTimeOffset validationTime, CancellationToken ct)
    {
        var subject = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var problems = new List<string>();
        if (certificate.Extensions[OcspNoCheck] is not null)
            return new(subject, RevocationStatus.Good, "id-pkix-ocsp-nocheck", null, null, null, null, ["An OCSP responder certificate with id-pkix-ocsp-nocheck is not checked (RFC 6960 §4.2.2.2.1)."]);

        // Embedded data: a revocation found anywhere is final; a "good" must be fresh.
        foreach (var (source, bytes) in embedded.OcspResponses)
        {
            var (answer, problem) = CheckOcsp(bytes, certificate, issuer, null);
            if (Usable(answer, at, validationTime, problems, source + " OCSP", problem) is { } usable)
                return Result(subject, usable, source + " OCSP", problems);
        }
        foreach (var (source, bytes) in embedded.Crls)
        {
            var (answer, problem) = CrlCheck.Check(bytes, certificate, issuer);
            if (Usable(answer, at, validationTime, problems, source + " CRL", problem) is { } usable)
                return Result(subject, usable, source + " CRL", problems);
        }

        // Embedded data about it was looked at first (above); a DSS full of the signer's responses
        // does not make a CA that names no service any less unaskable.
        if (!NamesRevocationService(certificate))
        {
            if (exemptAnchor is not null)
                return new(subject, RevocationStatus.Good, null, null, null, null, null,
                    [$"The certificate names no OCSP responder or CRL distribution point; its trust anchor {exemptAnchor.GetNameInfo(X509NameType.SimpleName, false)} is configured as not needing revocation."]);
            // A CA certificate that names no revocation service can only be withdrawn by its own
            // issuer's means (the CRL of the CA above it, which nothing here points to either), so it
            // is not held against the signature. An end-entity certificate that names none cannot be
            // shown not revoked: that is unknown, never good (ETSI EN 319 102-1: INDETERMINATE).
            if (IsCertificateAuthority(certificate))
                return new(subject, RevocationStatus.Good, null, null, null, null, null,
                    ["The CA certificate names no OCSP responder or CRL distribution point; no revocation service to ask."]);
            problems.Add("The certificate names no OCSP responder and no CRL distribution point, so whether it is revoked cannot be known "
                + "(and no trust anchor of its chain is configured as not needing revocation).");
            return new(subject, RevocationStatus.Unavailable, null, null, null, null, null, problems);
        }
        if (!options.Revocation.FetchOnline)
        {
            problems.Add("No usable embedded revocation data, and online fetching is off.");
            return new(subject, RevocationStatus.Unavailable, null, null, null, null, null, problems);
        }

        if (await FetchOnlineAsync(certificate, issuer, at, validationTime, problems, ct) is { } fetched)
            return Result(subject, fetched.Answer, fetched.Source, problems);
        return new(subject, RevocationStatus.Unavailable, null, null, null, null, null, problems);
    }

    /// <summary>
    /// Asks the certificate's OCSP responders, then its CRL distribution points, for an answer
    /// usable at <paramref name="at"/>; the bytes are kept so they can go into a DSS (B-LT).
    /// Null when none answered usefully, with the reasons in <paramref name="problems"/>.
    /// </summary>
    public async Task<FetchedRevocation?> FetchOnlineAsync(X509Certificate2 certificate, X509Certificate2 issuer,
        DateTimeOffset at, DateTimeOffset validationTime, List<string> problems, CancellationToken ct)
    {
        foreach (var url in options.Revocation.PreferOcsp ? RevocationPointers.OcspUrls(certificate) : [])
        {
            var nonce = options.Revocation.UseNonce ? RandomNumberGenerator.GetBytes(16) : null;
            var fetched = await AskAsync("OCSP", url, RevocationCache.OcspKey(url, certificate),
                () => FetchAsync(url, OcspResponseCheck.BuildRequest(certificate, issuer, nonce), ct),
                // A kept response answered an earlier request, so it carries that request's nonce, not this one's.
                (bytes, kept) => OcspResponseCheck.Check(bytes, certificate, issuer, kept ? null : nonce),
                at, validationTime, problems);
            if (fetched is not null)
                return fetched;
        }
        foreach (var url in RevocationPointers.CrlUrls(certificate))
        {
            var fetched = await AskAsync("CRL", url, RevocationCache.CrlKey(url),
                () => FetchAsync(url, null, ct), (bytes, _) => CrlCheck.Check(bytes, certificate, issuer),
                at, validationTime, problems);
            if (fetched is not null)
                return fetched;
        }
        return null;
    }

    /// <summary>One OCSP responder or CRL distribution point: its kept answer while that is current, else a fresh one.</summary>
    async Task<FetchedRevocation?> AskAsync(string kind, string url, string cacheKey, Func<Task<(byte[]? Bytes, string? Problem)>> fetch,
        Func<byte[], bool, (RevocationAnswer? Answer, string? Problem)> check,
        DateTimeOffset at, DateTimeOffset validationTime, List<string> problems)
    {
        var source = $"{kind} {url}";
        var cache = options.Revocation.Cache;
        var now = options.TimeProvider.GetUtcNow();
        if (cache?.Find(cacheKey, now) is { } kept)
        {
            var (keptAnswer, keptProblem) = check(kept, true);
            if (Usable(keptAnswer, at, validationTime, problems, source, keptProblem) is { } usable)
                return new(usable, $"{kind} {Rewrite(url)}", kept, IsOcsp: kind == "OCSP");
        }
        var (bytes, fetchProblem) = await fetch();
        if (bytes is null)
        {
            problems.Add($"{source}: {fetchProblem}");
            return null;
        }
        var (answer, problem) = check(bytes, false);
        if (Usable(answer, at, validationTime, problems, source, problem) is not { } fresh)
            return null;
        cache?.Keep(cacheKey, bytes, fresh.NextUpdate, now);
        return new(fresh, $"{kind} {Rewrite(url)}", bytes, IsOcsp: kind == "OCSP");
    }

    /// <summary>Whether the certificate names any OCSP responder or CRL distribution point.</summary>
    public static bool NamesRevocationService(X509Certificate2 certificate) => RevocationPointers.OcspUrls(certificate).Count + RevocationPointers.CrlUrls(certificate).Count > 0;

    static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true };

    /// <summary>id-pkix-ocsp-nocheck: an OCSP responder certificate nobody checks (RFC 6960 §4.2.2.2.1).</summary>
    public static bool IsOcspNoCheck(X509Certificate2 certificate) => certificate.Extensions[OcspNoCheck] is not null;

    static (RevocationAnswer?, string?) CheckOcsp(byte[] bytes, X509Certificate2 certificate, X509Certificate2 issuer, byte[]? nonce)
    {
        // The DSS holds OCSPResponse; some writers store the BasicOCSPResponse alone.
        try
        {
            var outer = Asn1Object.FromByteArray(bytes);
            if (Asn1Sequence.GetInstance(outer).Count == 2 && Asn1Sequence.GetInstance(outer)[0] is DerEnumerated)
                return OcspResponseCheck.Check(bytes, certificate, issuer, nonce);
            return OcspResponseCheck.Check(new BasicOcspResp(BasicOcspResponse.GetInstance(outer)), certificate, issuer, nonce);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return (null, "the OCSP data cannot be read: " + e.Message);
        }
    }

    /// <summary>
    /// Revoked answers are always usable (revocation is final). A good answer must speak for a
    /// time at or after <paramref name="at"/> minus the allowed age, and must not come from the future.
    /// </summary>
    RevocationAnswer? Usable(RevocationAnswer? answer, DateTimeOffset at, DateTimeOffset validationTime, List<string> problems, string source, string? problem)
    {
        if (answer is null)
        {
            if (problem is not null && !problem.EndsWith("is not about this certificate", StringComparison.Ordinal)
                && !problem.EndsWith("not issued by the certificate's issuer", StringComparison.Ordinal))
                problems.Add($"{source}: {problem}");
            return null;
        }
        if (answer.Status == RevocationStatus.Revoked)
            return answer;
        var policy = options.Revocation;
        if (answer.ThisUpdate > validationTime + policy.ClockSkew)
        {
            problems.Add($"{source}: thisUpdate {answer.ThisUpdate:u} is in the future.");
            return null;
        }
        if (answer.ThisUpdate < at - policy.MaxAge && !(answer.NextUpdate is { } next && next >= at && answer.ThisUpdate <= at))
        {
            problems.Add($"{source}: issued {answer.ThisUpdate:u}, too long before {at:u} to vouch for it (limit {policy.MaxAge.TotalDays:0.#} days).");
            return null;
        }
        return answer;
    }

    static CertificateRevocation Result(string subject, RevocationAnswer answer, string source, List<string> problems) =>
        new(subject, answer.Status, source, answer.RevocationTime, answer.Reason, answer.ThisUpdate, answer.ProducedAt, problems);

    string Rewrite(string url) => options.Revocation.UrlOverrides.TryGetValue(url, out var replaced) ? replaced : url;

    /// <summary>
    /// One GET (a CRL) or POST (an OCSP request). Retries, per-attempt timeouts and the circuit breaker are the
    /// HttpClient's (<see cref="ServiceCallResilience"/>); this bounds the whole call and reads at most 16 MiB.
    /// </summary>
    async Task<(byte[]? Bytes, string? Problem)> FetchAsync(string url, byte[]? ocspRequest, CancellationToken ct)
    {
        var target = Rewrite(url);
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return (null, "not an http(s) URL");
        var budget = ServiceCallResilience.Budget(options.Revocation.Timeout);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(budget);
        try
        {
            using var request = new HttpRequestMessage(ocspRequest is null ? HttpMethod.Get : HttpMethod.Post, uri);
            // One question per connection: simple responders (openssl ocsp) close after each answer,
            // and a reused, half-closed connection would fail the next request.
            request.Headers.ConnectionClose = true;
            if (ocspRequest is not null)
            {
                request.Content = new ByteArrayContent(ocspRequest);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
            }
            using var response = await _http.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return (null, $"HTTP {(int)response.StatusCode}");
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > 16 * 1024 * 1024)
                    return (null, "the response is larger than 16 MiB");
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), null);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Revocation.Timeout.TotalSeconds:0.#} s, tried {ServiceCallResilience.MaxRetryAttempts + 1} times");
        }
        catch (BrokenCircuitException)
        {
            return (null, "it failed repeatedly just now, so it is left alone for a few seconds before being asked again");
        }
        catch (HttpRequestException e)
        {
            return (null, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }
}
