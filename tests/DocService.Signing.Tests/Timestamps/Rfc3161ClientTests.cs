using System.Security.Cryptography;
using DocService.Signing.Tests.Support;
using DocService.Signing.Tests.Validation;
using DocService.Signing.Timestamps;

namespace DocService.Signing.Tests.Timestamps;

/// <summary>The RFC 3161 client against openssl's TSA (<c>openssl ts -reply</c>), and what it refuses.</summary>
public sealed class Rfc3161ClientTests : IDisposable
{
    readonly OpenSslTsa _tsa = new();
    readonly TempDirectory _files = new();
    readonly HttpClient _http;

    public Rfc3161ClientTests() => _http = new HttpClient(_tsa, disposeHandler: false);

    public void Dispose()
    {
        _http.Dispose();
        _tsa.Dispose();
        _files.Dispose();
    }

    Rfc3161Client Client(string? policy = null) => new(_http, new TimestampClientOptions { Url = new Uri("http://tsa.test/"), PolicyOid = policy });

    static byte[] Digest(string text) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_token_from_openssl_is_accepted_with_its_time_and_authority()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);

        var token = await Client().RequestAsync(Digest("quyết định"), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);

        token.Time.ShouldBeInRange(before, DateTimeOffset.UtcNow.AddSeconds(2));
        token.Authority.Thumbprint.ShouldBe(DevPki.Certificate("tsa").Thumbprint);
        _tsa.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task A_requested_policy_is_honoured()
    {
        var token = await Client(OpenSslTsa.OtherPolicy).StampAsync(Digest("policy"), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);

        var printed = await OpenSsl.RunAsync("ts", "-reply", "-in", Write(token), "-token_in", "-text");
        printed.Output.ShouldContain("Policy OID: " + OpenSslTsa.OtherPolicy);
    }

    [Fact]
    public async Task An_answer_to_another_request_is_refused()
    {
        _tsa.Tamper = _ => _tsa.QueryAsync([1, 2, 3]);

        var error = await Should.ThrowAsync<TimestampException>(
            Client().StampAsync(Digest("mine"), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TimestampException.InvalidResponse);
        error.Message.ShouldContain("imprint");
    }

    [Fact]
    public async Task A_rejected_request_is_reported_with_the_TSA_status()
    {
        var error = await Should.ThrowAsync<TimestampException>(
            Client("1.3.6.1.4.1.99999.42").StampAsync(Digest("unknown policy"), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TimestampException.InvalidResponse);
        error.Message.ShouldContain("refused");
    }

    [Fact]
    public async Task An_unreachable_TSA_is_unavailable()
    {
        using var http = new HttpClient();
        var client = new Rfc3161Client(http, new TimestampClientOptions { Url = new Uri($"http://127.0.0.1:{RevocationServers.DeadPort()}/tsa"), Timeout = TimeSpan.FromSeconds(3) });

        var error = await Should.ThrowAsync<TimestampException>(client.StampAsync(Digest("x"), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TimestampException.Unavailable);
    }

    [Fact]
    public async Task Our_authority_answers_openssl_queries_and_openssl_verifies_the_replies()
    {
        using var files = new TempDirectory();
        var data = "Văn bản cần đóng dấu thời gian"u8.ToArray();
        var query = await _tsa.QueryAsync(data);

        var reply = await Support.Tsa.Authority.RespondAsync(query, TestContext.Current.CancellationToken);

        var verified = await OpenSsl.RunAsync("ts", "-verify", "-data", files.Write("data.bin", data), "-in", files.Write("reply.tsr", reply),
            "-CAfile", DevPki.RootCertificatePath, "-untrusted", DevPki.CertificatePath("issuing-ca"));
        verified.Output.ShouldContain("Verification: OK", customMessage: verified.ToString());
    }

    [Fact]
    public async Task Our_tokens_pass_openssl_ts_verify_by_digest()
    {
        using var files = new TempDirectory();
        var digest = Digest("đã ký");

        var token = await Support.Tsa.Client.StampAsync(digest, DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);

        var verified = await OpenSsl.RunAsync("ts", "-verify", "-digest", Convert.ToHexString(digest), "-in", files.Write("token.der", token), "-token_in",
            "-CAfile", DevPki.RootCertificatePath, "-untrusted", DevPki.CertificatePath("issuing-ca"));
        verified.Output.ShouldContain("Verification: OK", customMessage: verified.ToString());
    }

    [Fact]
    public async Task Our_authority_refuses_a_policy_it_does_not_stamp_under()
    {
        var request = TimestampRequest.For(Digest("x"), DigestAlgorithm.Sha256, "1.2.3.4");

        var reply = await Support.Tsa.Authority.RespondAsync(request.Encode(), TestContext.Current.CancellationToken);

        Should.Throw<TimestampException>(() => TimestampResponse.Check(request, reply)).Message.ShouldContain("refused");
    }

    string Write(byte[] bytes) => _files.Write(Guid.NewGuid().ToString("N") + ".der", bytes);
}
