using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Ltv;

/// <summary>Extending signatures made earlier — here and by other tools — one level at a time, and renewing an archive timestamp.</summary>
[Trait("Category", "Ocsp")]
public sealed class LevelExtenderTests : IDisposable
{
    readonly LtvFixture _ltv = new();

    public void Dispose() => _ltv.Dispose();

    [Fact]
    public async Task A_B_B_signature_is_extended_to_T_then_LT_then_LTA()
    {
        await _ltv.StartOcspAsync();
        var signed = await _ltv.SignAsync(PadesLevel.BB);

        var t = await _ltv.ExtendAsync(signed, PadesLevel.BT);
        var lt = await _ltv.ExtendAsync(t, PadesLevel.BLT);
        var lta = await _ltv.ExtendAsync(lt, PadesLevel.BLTA);

        foreach (var (pdf, level) in new[] { (t, LevelReached.BT), (lt, LevelReached.BLT), (lta, LevelReached.BLTA) })
        {
            var report = await ValidateAsync(pdf);
            var signature = report.Signatures.Single(s => s.Kind == SignatureKind.Signature);
            signature.Level.Reached.ShouldBe(level, signature.Level.Reason.En);
            // Offline, only the DSS can vouch for the certificate: B-T alone is "try later".
            signature.Indication.ShouldBe(level == LevelReached.BT ? Indication.Indeterminate : Indication.TotalPassed, signature.Message.En);
        }
        lta.AsSpan(0, signed.Length).SequenceEqual(signed).ShouldBeTrue();
        var verdicts = await Pdfsig.SignatureVerdictsAsync(_ltv.Files.Write("lta.pdf", lta));
        verdicts[0].ShouldBe("Signature is Valid.");
    }

    [Fact]
    public async Task A_B_T_signature_extended_to_B_T_is_left_as_it_is()
    {
        var signed = await _ltv.SignAsync(PadesLevel.BT);

        var extended = await _ltv.ExtendAsync(signed, PadesLevel.BT);

        extended.ShouldBe(signed);
    }

    [Fact]
    public async Task An_LTA_file_is_re_timestamped_and_stays_LTA()
    {
        await _ltv.StartOcspAsync();
        var lta = await _ltv.SignAsync(PadesLevel.BLTA);

        var renewed = await _ltv.ExtendAsync(lta, PadesLevel.BLTA);

        LtvFixture.Signatures(renewed).Count(s => s.DocumentTimestamp).ShouldBe(2);
        var report = await ValidateAsync(renewed);
        report.Indication.ShouldBe(Indication.TotalPassed, string.Join(" | ", report.Signatures.Select(s => s.Message.En)));
        var signature = report.Signatures.Single(s => s.Kind == SignatureKind.Signature);
        signature.Level.Reached.ShouldBe(LevelReached.BLTA, signature.Level.Reason.En);
        signature.Timestamps.DocumentTimestamps.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_certified_document_is_extended_without_breaking_its_certification()
    {
        await _ltv.StartOcspAsync();
        var certified = await SignedAsync(certify: DocMdpPermission.FormFillingAndSigning);

        var lta = await _ltv.ExtendAsync(certified, PadesLevel.BLTA);

        var signature = (await ValidateAsync(lta)).Signatures.Single(s => s.Kind == SignatureKind.Signature);
        signature.Modifications.Permitted.ShouldBeTrue();
        signature.Level.Reached.ShouldBe(LevelReached.BLTA, signature.Level.Reason.En);
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En + " " + string.Join(" ", signature.Revocation.Reasons));
    }

    [Fact]
    public async Task An_unsigned_document_has_nothing_to_extend()
    {
        var error = await Should.ThrowAsync<SignatureNotPermittedException>(_ltv.ExtendAsync(TestPdfs.Simple(), PadesLevel.BT));

        error.Code.ShouldBe("signature.not_signed");
    }
}

/// <summary>Other tools' signatures extended: every verdict pdfsig gave before stays, and each step is an appended revision.</summary>
[Trait("Category", "Corpus")]
public sealed class CorpusExtensionTests : IDisposable
{
    readonly LtvFixture _ltv = new();

    public void Dispose() => _ltv.Dispose();

    [Theory]
    [InlineData("node-signpdf/signed-once.pdf", PadesLevel.BT)]
    [InlineData("node-signpdf/signed-twice.pdf", PadesLevel.BLTA)]
    [InlineData("pyhanko/certified-with-indirect-refs-in-dir.pdf", PadesLevel.BLTA)]
    [InlineData("esig-dss/hello_signed_INCSAVE_signed.pdf", PadesLevel.BLT)]
    [InlineData("esig-dss/PAdES-LT.pdf", PadesLevel.BLTA)]
    [InlineData("esig-dss/Test.signed_Certipost-2048-SHA512.extended-LTA.pdf", PadesLevel.BLTA)]
    public async Task Other_tools_signatures_are_extended_and_keep_their_pdfsig_verdicts(string file, PadesLevel level)
    {
        var input = File.ReadAllBytes(Corpus.PathOf(file));
        await _ltv.StartOcspAsync(); // for our TSA's certificate; the corpus signers' CAs are out of reach
        var before = await Pdfsig.SignatureVerdictsAsync(_ltv.Files.Write("before.pdf", input));

        var extended = await _ltv.ExtendAsync(input, level);

        extended.AsSpan(0, input.Length).SequenceEqual(input).ShouldBeTrue();
        var after = await Pdfsig.SignatureVerdictsAsync(_ltv.Files.Write("after.pdf", extended));
        after.Take(before.Count).ShouldBe(before);
        var report = await ValidateAsync(extended);
        var ours = report.Signatures.Where(s => s.Kind == SignatureKind.DocumentTimestamp && s.Timestamps.SignatureTimestamp?.TsaName == "DocService Development TSA").ToList();
        ours.ShouldNotBeEmpty();
        ours.ShouldAllBe(s => s.Integrity.Valid && s.Timestamps.SignatureTimestamp!.Valid);
        report.Signatures.Where(s => s.Kind == SignatureKind.Signature).ShouldAllBe(s => s.Timestamps.DocumentTimestamps.Count > 0 || s.Timestamps.SignatureTimestamp != null);
    }
}
