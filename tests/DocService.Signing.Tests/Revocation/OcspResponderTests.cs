using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Revocation;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Revocation;

/// <summary>
/// The development OCSP responder, judged by <c>openssl ocsp</c>: openssl builds the request, our responder answers,
/// and openssl checks the answer's signature (the delegated responder of certs-dev, chained to its root), the nonce
/// and the status it reads.
/// </summary>
public sealed class OcspResponderTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static OcspResponder Responder() => new(
        DevPki.Signer("ocsp"), DevPki.Certificate("issuing-ca"), File.ReadAllBytes(Path.Combine(DevPki.Directory, "issuing-ca.crl")),
        System.IO.Directory.GetFiles(DevPki.Directory, "*.crt").Select(X509CertificateLoader.LoadCertificateFromFile), TimeSpan.FromDays(1));

    [Theory]
    [InlineData("official-rsa2048", "good")]
    [InlineData("organisation", "good")]
    [InlineData("tsa", "good")]
    [InlineData("revoked", "revoked")]
    public async Task Openssl_accepts_the_signed_answer_and_reads_the_status_the_CRL_implies(string certificate, string status)
    {
        using var files = new TempDirectory();
        var request = Path.Combine(files.Path, "request.der");
        var response = Path.Combine(files.Path, "response.der");
        var asked = await ExternalTool.RunAsync("openssl", "ocsp", "-issuer", DevPki.CertificatePath("issuing-ca"), "-cert", DevPki.CertificatePath(certificate),
            "-reqout", request, "-req_text");
        asked.ExitCode.ShouldBe(0, asked.ToString());

        await File.WriteAllBytesAsync(response, await Responder().RespondAsync(await File.ReadAllBytesAsync(request, Ct), Ct), Ct);

        // -no_nonce: openssl would compare with a request of its own; the nonce is compared below instead.
        var check = await ExternalTool.RunAsync("openssl", "ocsp", "-respin", response, "-resp_text", "-no_nonce",
            "-issuer", DevPki.CertificatePath("issuing-ca"), "-cert", DevPki.CertificatePath(certificate),
            "-CAfile", DevPki.RootCertificatePath, "-verify_other", DevPki.CertificatePath("issuing-ca"));
        check.ExitCode.ShouldBe(0, check.ToString());
        check.Error.ShouldContain("Response verify OK", customMessage: check.ToString());
        check.Output.ShouldContain($"{DevPki.CertificatePath(certificate)}: {status}", customMessage: check.ToString());
        var keyHash = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(DevPki.Certificate("ocsp").PublicKey.EncodedKeyValue.RawData));
        check.Output.ShouldContain($"Responder Id: {keyHash}", customMessage: check.ToString()); // byKey (§4.2.2.3)
        Nonce(check.Output).ShouldBe(Nonce(asked.Output));
        if (status == "revoked")
            check.Output.ShouldContain("Reason: keyCompromise", customMessage: check.ToString());
    }

    static string Nonce(string text)
    {
        var lines = text.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("OCSP Nonce:", StringComparison.Ordinal));
        at.ShouldBeGreaterThanOrEqualTo(0, text);
        return lines[at + 1].Trim();
    }

    [Fact]
    public async Task A_certificate_of_another_issuer_is_unknown()
    {
        using var files = new TempDirectory();
        var request = Path.Combine(files.Path, "request.der");
        var response = Path.Combine(files.Path, "response.der");
        // The issuing CA asked about as if the root's responder were asked: our responder speaks for the issuing CA only.
        (await ExternalTool.RunAsync("openssl", "ocsp", "-issuer", DevPki.RootCertificatePath, "-cert", DevPki.CertificatePath("issuing-ca"),
            "-reqout", request)).ExitCode.ShouldBe(0);

        await File.WriteAllBytesAsync(response, await Responder().RespondAsync(await File.ReadAllBytesAsync(request, Ct), Ct), Ct);

        var check = await ExternalTool.RunAsync("openssl", "ocsp", "-reqin", request, "-respin", response, "-issuer", DevPki.RootCertificatePath,
            "-cert", DevPki.CertificatePath("issuing-ca"), "-noverify");
        check.Output.ShouldContain(": unknown", customMessage: check.ToString());
    }

    [Fact]
    public async Task Bytes_that_are_no_request_answer_malformedRequest()
    {
        using var files = new TempDirectory();
        var response = Path.Combine(files.Path, "response.der");
        await File.WriteAllBytesAsync(response, await Responder().RespondAsync("not an OCSP request"u8.ToArray(), Ct), Ct);

        var check = await ExternalTool.RunAsync("openssl", "ocsp", "-respin", response, "-resp_text", "-noverify");
        check.Output.ShouldContain("Responder Error: malformedrequest (1)", customMessage: check.ToString());
    }
}
