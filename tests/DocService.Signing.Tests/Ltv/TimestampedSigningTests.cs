using DocService.Signing.Cms;
using DocService.Signing.Ltv;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Timestamps;
using DocService.Signing.Validation;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Ltv;

/// <summary>
/// B-T, B-LT and B-LTA signing, each checked three ways: our validator's level, pdfsig's verdict,
/// and openssl on the pieces (timestamp tokens, OCSP responses, CRLs) taken out of the file.
/// </summary>
[Trait("Category", "Ocsp")]
public sealed class TimestampedSigningTests : IDisposable
{
    readonly LtvFixture _ltv = new();

    public void Dispose() => _ltv.Dispose();

    async Task<IReadOnlyList<string>> PdfsigVerdictsOfSignatures(byte[] pdf)
    {
        var verdicts = await Pdfsig.SignatureVerdictsAsync(_ltv.Files.Write(Guid.NewGuid().ToString("N") + ".pdf", pdf));
        var kinds = LtvFixture.Signatures(pdf);
        verdicts.Count.ShouldBe(kinds.Count);
        // pdfsig does not verify document timestamps ("unsupported"); every signature must stay valid.
        return verdicts.Where((_, i) => !kinds[i].DocumentTimestamp).ToList();
    }

    async Task OpenSslAcceptsTokenAsync(byte[] token, byte[] stampedData)
    {
        var result = await OpenSsl.RunAsync("ts", "-verify", "-data", _ltv.Files.Write(Guid.NewGuid().ToString("N"), stampedData),
            "-in", _ltv.Files.Write(Guid.NewGuid().ToString("N") + ".tst", token), "-token_in",
            "-CAfile", DevPki.RootCertificatePath, "-untrusted", DevPki.CertificatePath("issuing-ca"));
        result.Output.ShouldContain("Verification: OK", customMessage: result.ToString());
    }

    [Fact]
    public async Task B_T_signature_carries_a_timestamp_over_its_signature_value()
    {
        var pdf = await _ltv.SignAsync(PadesLevel.BT);

        var signature = (await ValidateAsync(pdf)).Signatures.ShouldHaveSingleItem();
        signature.Level.Reached.ShouldBe(LevelReached.BT, signature.Level.Reason.En);
        signature.Timestamps.BestSignatureTimeSource.ShouldBe(BestTimeSource.SignatureTimestamp);
        (await PdfsigVerdictsOfSignatures(pdf)).ShouldBe(["Signature is Valid."]);
        var cms = LtvFixture.Signatures(pdf).Single().Cms;
        await OpenSslAcceptsTokenAsync(LtvFixture.SignatureTimestampToken(cms), SignatureTimestamps.SignatureValueOf(cms));
    }

    [Fact]
    public async Task B_LT_stores_certificates_and_OCSP_responses_that_openssl_reads()
    {
        await _ltv.StartOcspAsync();

        var pdf = await _ltv.SignAsync(PadesLevel.BLT);

        var signature = (await ValidateAsync(pdf)).Signatures.ShouldHaveSingleItem();
        signature.Level.Reached.ShouldBe(LevelReached.BLT, signature.Level.Reason.En);
        signature.Revocation.Status.ShouldBe(RevocationStatus.Good, string.Join(" ", signature.Revocation.Reasons));
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En);
        (await PdfsigVerdictsOfSignatures(pdf)).ShouldBe(["Signature is Valid."]);
        var dss = LtvFixture.Dss(pdf);
        dss.Ocsps.Count.ShouldBe(2); // the signer's and the TSA's
        foreach (var ocsp in dss.Ocsps)
        {
            var parsed = await OpenSsl.RunAsync("ocsp", "-respin", _ltv.Files.Write(Guid.NewGuid().ToString("N") + ".der", ocsp), "-resp_text", "-noverify");
            parsed.ExitCode.ShouldBe(0, parsed.ToString());
            parsed.Output.ShouldContain("Cert Status: good");
        }
        dss.Certs.Select(c => System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(c).Thumbprint)
            .ShouldBe(new[] { "official-rsa2048", "issuing-ca", "root", "tsa", "ocsp" }.Select(n => DevPki.Certificate(n).Thumbprint), ignoreOrder: true);
    }

    [Fact]
    public async Task B_LT_falls_back_to_CRLs_that_openssl_reads_when_OCSP_is_down()
    {
        _ltv.Servers.StartCrl();

        var pdf = await _ltv.SignAsync(PadesLevel.BLT);

        var dss = LtvFixture.Dss(pdf);
        dss.Ocsps.ShouldBeEmpty();
        var crl = dss.Crls.ShouldHaveSingleItem(); // one CRL of the issuing CA speaks for the signer and the TSA
        var parsed = await OpenSsl.RunAsync("crl", "-inform", "DER", "-in", _ltv.Files.Write("dss.crl", crl), "-noout", "-issuer");
        parsed.ExitCode.ShouldBe(0, parsed.ToString());
        parsed.Output.ShouldContain("Issuing CA");
        var signature = (await ValidateAsync(pdf)).Signatures.ShouldHaveSingleItem();
        signature.Level.Reached.ShouldBe(LevelReached.BLT, signature.Level.Reason.En);
    }

    [Fact]
    public async Task B_LTA_adds_a_document_timestamp_openssl_verifies_over_the_byte_range()
    {
        await _ltv.StartOcspAsync();

        var pdf = await _ltv.SignAsync(PadesLevel.BLTA);

        var report = await ValidateAsync(pdf);
        var signature = report.Signatures.Single(s => s.Kind == SignatureKind.Signature);
        signature.Level.Reached.ShouldBe(LevelReached.BLTA, signature.Level.Reason.En);
        report.Indication.ShouldBe(Indication.TotalPassed, string.Join(" | ", report.Signatures.Select(s => s.Message.En)));
        (await PdfsigVerdictsOfSignatures(pdf)).ShouldBe(["Signature is Valid."]);
        var timestamp = LtvFixture.Signatures(pdf).Single(s => s.DocumentTimestamp);
        await OpenSslAcceptsTokenAsync(timestamp.Cms, LtvFixture.Covered(pdf, timestamp.ByteRange));
    }

    [Fact]
    public async Task B_LTA_still_passes_after_the_signer_certificate_expired()
    {
        await _ltv.StartOcspAsync();
        var lta = await _ltv.SignAsync(PadesLevel.BLTA);
        var plain = await _ltv.SignAsync(PadesLevel.BB);
        var afterExpiry = DevPki.Certificate("official-rsa2048").NotAfter.ToUniversalTime().AddMonths(6);

        var report = await ValidateAsync(lta, DevOptions(afterExpiry));
        var unprotected = (await ValidateAsync(plain, DevOptions(afterExpiry))).Signatures.ShouldHaveSingleItem();

        var signature = report.Signatures.Single(s => s.Kind == SignatureKind.Signature);
        signature.Timestamps.BestSignatureTimeSource.ShouldNotBe(BestTimeSource.ValidationTime);
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En + " " + string.Join(" ", signature.Trust.Reasons));
        signature.Level.Reached.ShouldBe(LevelReached.BLTA, signature.Level.Reason.En);
        unprotected.Indication.ShouldNotBe(Indication.TotalPassed);
    }

    [Fact]
    public async Task A_signature_timestamp_whose_imprint_does_not_match_fails()
    {
        var pdf = await _ltv.SignAsync(PadesLevel.BB);
        var cms = ReadCms(pdf);
        var foreign = await Tsa.Client.StampAsync(LtvFixture.Sha256("something else"u8.ToArray()), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);
        var tampered = WriteCms(pdf, SignatureTimestamps.AddUnsignedAttribute(cms, new Org.BouncyCastle.Asn1.Cms.Attribute(
            PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(ContentInfo.GetInstance(Asn1Object.FromByteArray(foreign))))));

        var signature = (await ValidateAsync(tampered)).Signatures.ShouldHaveSingleItem();

        signature.Timestamps.SignatureTimestamp.ShouldNotBeNull().ImprintMatches.ShouldBeFalse();
        signature.Level.Reached.ShouldBe(LevelReached.BB);
        signature.Level.Reason.En.ShouldContain("timestamp is broken");
        // ETSI EN 319 102-1: a timestamp that does not verify leaves the signature INDETERMINATE at best, and says so first.
        signature.Indication.ShouldBe(Indication.Indeterminate);
        signature.Timestamps.Broken.ShouldBeTrue();
        signature.Reason.ShouldBe(signature.Checks.Single(c => c.Check == CheckName.Timestamps).Message);
        signature.Checks.Single(c => c.Check == CheckName.Timestamps).Status.ShouldBe(CheckStatus.Failed);
    }

    [Fact]
    public async Task B_T_signing_with_the_TSA_down_fails_and_writes_nothing_usable()
    {
        using var http = new HttpClient();
        var deadTsa = new Rfc3161Client(http, new TimestampClientOptions { Url = new Uri($"http://127.0.0.1:{Validation.RevocationServers.DeadPort()}/tsa"), Timeout = TimeSpan.FromSeconds(2) });
        var signer = new PadesSigner(new CmsSignatureBuilder(), deadTsa);
        using var output = new MemoryStream();

        var error = await Should.ThrowAsync<TimestampException>(signer.SignAsync(new MemoryStream(TestPdfs.Simple()), output, DevPki.Signer("official-rsa2048"),
            Pades.SignedPdf.NewField("Signature1") with { Level = PadesLevel.BT }, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TimestampException.Unavailable);
    }

    [Fact]
    public async Task B_LT_with_every_revocation_source_down_is_refused()
    {
        var error = await Should.ThrowAsync<RevocationUnavailableException>(_ltv.SignAsync(PadesLevel.BLT));

        error.Subject.ShouldBe("Nguyễn Văn An");
    }
}
