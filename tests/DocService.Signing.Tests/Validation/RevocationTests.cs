using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using DocService.Signing.Validation.Revocation;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Validation;

/// <summary>
/// Revocation against real servers on loopback: <c>openssl ocsp</c> as the responder (a delegated
/// responder certificate, nonces, index written here) and a CRL over HTTP. The URLs come from the
/// certificates (the service's own /api/v1/dev/ocsp and /api/v1/dev/crl on localhost:5080) and are redirected to the ports actually used.
/// </summary>
[Trait("Category", "Ocsp")]
public sealed class RevocationTests : IDisposable
{
    const string OcspUrl = "http://localhost:5080/api/v1/dev/ocsp";
    const string CrlUrl = "http://localhost:5080/api/v1/dev/crl/issuing-ca.crl";

    readonly RevocationServers _servers = new();

    public void Dispose() => _servers.Dispose();

    ValidationOptions Online(int ocspPort, int crlPort) => DevOptions() with
    {
        Revocation = new RevocationPolicy
        {
            FetchOnline = true,
            Timeout = TimeSpan.FromSeconds(3),
            UrlOverrides = new Dictionary<string, string>
            {
                [OcspUrl] = $"http://127.0.0.1:{ocspPort}/ocsp",
                [CrlUrl] = $"http://127.0.0.1:{crlPort}/crl/issuing-ca.crl",
            },
        },
    };

    [Fact]
    public async Task Good_status_from_the_OCSP_responder_passes()
    {
        await _servers.StartOcspAsync(("official-rsa2048", null));
        var pdf = await SignedAsync();

        var signature = (await ValidateAsync(pdf, Online(_servers.OcspPort, RevocationServers.DeadPort()))).Signatures.ShouldHaveSingleItem();

        signature.Revocation.Status.ShouldBe(RevocationStatus.Good, string.Join(" ", signature.Revocation.Reasons) + _servers.OcspLog);
        signature.Revocation.Certificates[0].Source.ShouldBe($"OCSP http://127.0.0.1:{_servers.OcspPort}/ocsp");
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En);
    }

    [Fact]
    public async Task Certificate_revoked_before_signing_fails_as_revoked()
    {
        var revokedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        await _servers.StartOcspAsync(("revoked", revokedAt));
        var pdf = await SignedAsync("revoked", signingTime: DateTimeOffset.UtcNow);

        var signature = (await ValidateAsync(pdf, Online(_servers.OcspPort, RevocationServers.DeadPort()))).Signatures.ShouldHaveSingleItem();

        signature.Revocation.Status.ShouldBe(RevocationStatus.Revoked);
        signature.Revocation.Certificates[0].RevocationTime!.Value.ShouldBe(revokedAt, TimeSpan.FromSeconds(1));
        signature.Indication.ShouldBe(Indication.TotalFailed);
        signature.SubIndication.ShouldBe(SubIndication.Revoked);
    }

    [Fact]
    public async Task Certificate_revoked_after_a_timestamped_signature_passes()
    {
        var stampedAt = DateTimeOffset.UtcNow.AddMinutes(-20);
        await _servers.StartOcspAsync(("revoked", DateTimeOffset.UtcNow.AddMinutes(-10)));
        var pdf = AddSignatureTimestamp(await SignedAsync("revoked", signingTime: stampedAt), stampedAt);

        var signature = (await ValidateAsync(pdf, Online(_servers.OcspPort, RevocationServers.DeadPort()))).Signatures.ShouldHaveSingleItem();

        signature.Timestamps.BestSignatureTimeSource.ShouldBe(BestTimeSource.SignatureTimestamp);
        signature.Revocation.Status.ShouldBe(RevocationStatus.Revoked);
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En);
    }

    [Fact]
    public async Task Responder_down_is_indeterminate_never_passed()
    {
        var pdf = await SignedAsync();

        var signature = (await ValidateAsync(pdf, Online(RevocationServers.DeadPort(), RevocationServers.DeadPort()))).Signatures.ShouldHaveSingleItem();

        signature.Revocation.Status.ShouldBe(RevocationStatus.Unavailable);
        signature.Indication.ShouldBe(Indication.Indeterminate);
        signature.SubIndication.ShouldBe(SubIndication.TryLater);
        signature.Revocation.Certificates[0].Problems.ShouldContain(p => p.StartsWith("OCSP "));
    }

    [Fact]
    public async Task CRL_over_HTTP_is_used_when_the_responder_is_down()
    {
        _servers.StartCrl();
        var good = await SignedAsync();
        var revoked = await SignedAsync("revoked", signingTime: DateTimeOffset.UtcNow);
        var options = Online(RevocationServers.DeadPort(), _servers.CrlPort);

        var goodSignature = (await ValidateAsync(good, options)).Signatures.ShouldHaveSingleItem();
        var revokedSignature = (await ValidateAsync(revoked, options)).Signatures.ShouldHaveSingleItem();

        goodSignature.Revocation.Status.ShouldBe(RevocationStatus.Good, string.Join(" ", goodSignature.Revocation.Reasons));
        goodSignature.Revocation.Certificates[0].Source!.ShouldStartWith("CRL ");
        goodSignature.Indication.ShouldBe(Indication.TotalPassed);
        revokedSignature.Revocation.Status.ShouldBe(RevocationStatus.Revoked);
        revokedSignature.SubIndication.ShouldBe(SubIndication.Revoked);
    }

    [Fact]
    public async Task A_response_that_does_not_echo_our_nonce_is_refused()
    {
        await _servers.StartOcspAsync(("official-rsa2048", null));
        var certificate = DevPki.Certificate("official-rsa2048");
        var issuer = DevPki.Certificate("issuing-ca");
        using var http = new HttpClient();
        using var content = new ByteArrayContent(OcspResponseCheck.BuildRequest(certificate, issuer, [1, 2, 3, 4, 5, 6, 7, 8]));
        content.Headers.ContentType = new("application/ocsp-request");
        var response = await (await http.PostAsync($"http://127.0.0.1:{_servers.OcspPort}/ocsp", content, TestContext.Current.CancellationToken))
            .Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var echoed = OcspResponseCheck.Check(response, certificate, issuer, [1, 2, 3, 4, 5, 6, 7, 8]);
        var replayed = OcspResponseCheck.Check(response, certificate, issuer, [9, 9, 9, 9, 9, 9, 9, 9]);

        echoed.Answer.ShouldNotBeNull(echoed.Problem).Status.ShouldBe(RevocationStatus.Good);
        replayed.Answer.ShouldBeNull();
        replayed.Problem.ShouldNotBeNull().ShouldContain("nonce");
    }

    [Fact]
    public void An_unsuccessful_OCSP_response_is_no_answer()
    {
        var certificate = DevPki.Certificate("official-rsa2048");
        byte[] unauthorized = [0x30, 0x03, 0x0A, 0x01, 0x06]; // OCSPResponse { responseStatus unauthorized(6) }

        var (answer, problem) = OcspResponseCheck.Check(unauthorized, certificate, DevPki.Certificate("issuing-ca"), null);

        answer.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("status");
    }
}
