using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using DocService.Signing.Tests.Oracles;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;

namespace DocService.Signing.Tests.Validation;

/// <summary>
/// Every PDF of ../shared/corpus through the validator: integrity and ByteRange verdicts are hard
/// asserts against the expectations below (taken from MANIFEST.tsv's expected_result, mapped to
/// our definitions), attack files must be flagged, nothing may throw or run long, and the
/// agreement with each manifest column is printed.
/// </summary>
/// <remarks>
/// Mapping decisions, where the manifest records a disagreement between validators:
/// <list type="bullet">
/// <item>pades-5-signatures…: signed attributes not in DER order are accepted with a warning (OpenSSL/NSS policy, not EU DSS's).</item>
/// <item>Signature-P-HU_NET-2: a signature algorithm OID in SignerInfo.digestAlgorithm is refused (EU DSS), although OpenSSL accepts it.</item>
/// <item>dss-1420: the signature algorithm names SHA3-256, the digest algorithm SHA-256: refused as inconsistent (EU DSS).</item>
/// <item>pdf-sig-with-econtent: a detached SubFilter with encapsulated content is refused (pyHanko), although its crypto verifies.</item>
/// <item>coverage anomalies: the crypto verifies but the ByteRange is not sane, so integrity is not valid (pyHanko's bottom line).</item>
/// <item>BadEncodedCMS: EU DSS reports no signature; we report the field's signature as not intact.</item>
/// <item>ed448-disallowed-hash: the signature value verifies, but Ed448 with SHA-512 breaks RFC 8419, so integrity is not valid (pyHanko: INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE, which is our indication too).</item>
/// </list>
/// </remarks>
[Trait("Category", "Corpus")]
public sealed class CorpusValidationTests
{
    /// <summary>Per signature in report order: integrity valid, ByteRange valid, crypto intact (digest and signature value).</summary>
    sealed record Expected(bool Valid, bool ByteRange, bool Crypto);

    static Expected Ok => new(true, true, true);

    static readonly Dictionary<string, Expected[]> Expectations = new()
    {
        ["esig-dss/AD-RB.pdf"] = [Ok, Ok],
        ["esig-dss/BadEncodedCMS.pdf"] = [new(false, true, false)],
        ["esig-dss/DSS-1683.pdf"] = [Ok],
        ["esig-dss/DSS-3577.pdf"] = [Ok],
        ["esig-dss/PAdES-LT.pdf"] = [Ok, Ok, Ok, Ok],
        ["esig-dss/Signature-P-HU_NET-2.pdf"] = [new(false, true, false)],
        ["esig-dss/Test.signed_Certipost-2048-SHA512.extended-LTA.pdf"] = [Ok, Ok, Ok],
        ["esig-dss/TestToSignPDFSHA256_TST_SIG_NOT_FOUND.pdf"] = [Ok],
        ["esig-dss/doc-firmado-LT.pdf"] = [Ok],
        ["esig-dss/dss-1188/Test.pdf"] = [Ok],
        ["esig-dss/dss-1420/PAdES-BpB-att-SHA256-SHA3_256withRSA.pdf"] = [new(false, true, true)],
        ["esig-dss/dss-2236/annotation-and-visible-change.pdf"] = [Ok, Ok, Ok],
        ["esig-dss/dss-2554/certified-changes-permitted.pdf"] = [Ok],
        ["esig-dss/dss-2554/certified-no-change-permitted.pdf"] = [Ok],
        ["esig-dss/dss-2554/fieldmdp-exclude.pdf"] = [],
        ["esig-dss/dss-818/Signature-P-IT_ADO-1 (HASH_FAILURE) (ECDSA).pdf"] = [Ok],
        ["esig-dss/dss-PLAIN-ECDSA/TeleSec_PKS_eIDAS_QES_CA_1-baseline-b.pdf"] = [Ok],
        ["esig-dss/encrypted.pdf"] = [Ok],
        ["esig-dss/hello_signed_INCSAVE_signed.pdf"] = [Ok, Ok],
        ["esig-dss/hello_signed_INCSAVE_signed_EDITED.pdf"] = [Ok, new(false, false, false)],
        ["esig-dss/pades-5-signatures-and-1-document-timestamp.pdf"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["esig-dss/pades-lta-copied-doctst.pdf"] = [Ok, new(false, true, false)],
        ["esig-dss/pades-signed-annot-added.pdf"] = [Ok],
        ["esig-dss/pades-signed-filled-form.pdf"] = [Ok],
        ["esig-dss/pades-spoofing-replaced-reason.pdf"] = [Ok],
        ["esig-dss/pades-unsupported-signature-algorithm.pdf"] = [new(false, true, false)],
        ["esig-dss/pdf-byterange-overlap.pdf"] = [Ok, new(false, false, false)],
        ["esig-dss/pdf-eof.pdf"] = [new(false, false, false)],
        ["esig-dss/pdf-removed-pages.pdf"] = [Ok],
        ["esig-dss/pdf-signed-added-page.pdf"] = [Ok],
        ["esig-dss/pdf-signed-corrupted.pdf"] = [new(false, false, false)],
        ["esig-dss/pdf-signed-original.pdf"] = [Ok],
        ["esig-dss/pdf-signed-out-of-byteRange.pdf"] = [new(false, false, false)],
        ["esig-dss/pdf-spoofing-attack.pdf"] = [Ok],
        ["esig-dss/pkcs7_sha1.pdf"] = [Ok, Ok],
        ["esig-dss/self-issued-qesig.pdf"] = [Ok],
        ["esig-dss/siwa.pdf"] = [new(false, false, true)],
        ["esig-dss/timestamped_and_signed.pdf"] = [Ok, Ok],
        ["node-signpdf/signed-once.pdf"] = [Ok],
        ["node-signpdf/signed-twice.pdf"] = [Ok, Ok],
        ["pyhanko/certified-with-indirect-refs-in-dir.pdf"] = [Ok],
        ["pyhanko/coverage-anomalies/signature-gap-too-big.pdf"] = [new(false, false, true)],
        ["pyhanko/coverage-anomalies/tail-uncovered.pdf"] = [new(false, false, true)],
        ["pyhanko/ed448-disallowed-hash.pdf"] = [new(false, true, true)],
        ["pyhanko/extensions-indirect-not-all-paths.pdf"] = [Ok, Ok],
        ["pyhanko/form-update-ap-indirect-sneaky-trailer.pdf"] = [Ok, Ok],
        ["pyhanko/form-update-override-appearance-stream.pdf"] = [Ok, Ok],
        ["pyhanko/minimal-signed-twice-second-created.pdf"] = [Ok, Ok],
        ["pyhanko/minimal-two-fields-signed-twice.pdf"] = [Ok, Ok],
        ["pyhanko/pades-lta-dss-indirect-arrs-test-2.pdf"] = [Ok, Ok, Ok],
        ["pyhanko/pdf-sig-with-econtent.pdf"] = [new(false, true, true)],
        ["pyhanko/sig-no-signed-attrs.pdf"] = [Ok],
    };

    /// <summary>Attack files: the document must not pass, and at least one signature must carry a PDF-Insecurity flag.</summary>
    static readonly string[] AttackFiles =
    [
        "esig-dss/siwa.pdf", "esig-dss/pdf-spoofing-attack.pdf", "esig-dss/pades-spoofing-replaced-reason.pdf",
        "esig-dss/hello_signed_INCSAVE_signed_EDITED.pdf", "esig-dss/pdf-byterange-overlap.pdf", "esig-dss/pdf-eof.pdf",
        "esig-dss/pdf-signed-out-of-byteRange.pdf", "esig-dss/pdf-signed-corrupted.pdf", "esig-dss/pdf-removed-pages.pdf",
        "esig-dss/pdf-signed-added-page.pdf", "pyhanko/coverage-anomalies/signature-gap-too-big.pdf",
        "pyhanko/coverage-anomalies/tail-uncovered.pdf", "pyhanko/form-update-ap-indirect-sneaky-trailer.pdf",
        "pyhanko/extensions-indirect-not-all-paths.pdf", "esig-dss/BadEncodedCMS.pdf",
    ];

    static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(20);

    static PdfSignatureValidator Validator(string corpusRoot) => new(new ValidationOptions
    {
        TrustAnchors = Directory.GetFiles(corpusRoot, "*.pem", SearchOption.AllDirectories)
            .Select(p => X509CertificateLoader.LoadCertificateFromFile(p)).ToList(),
    });

    public static TheoryData<string> Files => new(Expectations.Keys.Order());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Integrity_and_ByteRange_verdicts_match_the_manifest(string file)
    {
        var path = Corpus.PathOf(file);
        var report = await ValidateWithinLimitAsync(Validator(Corpus.PathOf(".")), path);

        var expected = Expectations[file];
        var actual = report.Signatures.Select(s => new Expected(s.Integrity.Valid, s.Coverage.ByteRangeValid, s.Integrity.DigestMatches && s.Integrity.SignatureVerifies)).ToList();
        actual.ShouldBe(expected, ignoreOrder: false, customMessage: Describe(report));
        if (expected.Length == 0)
            report.Indication.ShouldBe(Indication.TotalFailed);
    }

    [Theory]
    [MemberData(nameof(AttackData))]
    public async Task Attack_files_are_flagged_and_never_pass(string file)
    {
        var report = await ValidateWithinLimitAsync(Validator(Corpus.PathOf(".")), Corpus.PathOf(file));

        report.Indication.ShouldNotBe(Indication.TotalPassed);
        report.Signatures.Any(s => s.Modifications.Attacks.Count > 0 || !s.Integrity.Valid).ShouldBeTrue(Describe(report));
        report.Signatures.SelectMany(s => s.Modifications.Attacks).ShouldNotBeEmpty(Describe(report));
    }

    public static TheoryData<string> AttackData => new(AttackFiles);

    [Fact]
    public async Task EdDSA_follows_RFC_8419_and_a_wrong_hash_is_the_headline_reason()
    {
        var validator = Validator(Corpus.PathOf("."));
        var ed448 = (await ValidateWithinLimitAsync(validator, Corpus.PathOf("pyhanko/ed448-disallowed-hash.pdf"))).Signatures.ShouldHaveSingleItem();
        var ed25519 = (await ValidateWithinLimitAsync(validator, Corpus.PathOf("pyhanko/extensions-indirect-not-all-paths.pdf"))).Signatures[1];

        ed448.Integrity.SignatureVerifies.ShouldBeTrue();
        ed448.Integrity.AlgorithmPairAllowed.ShouldBeFalse();
        ed448.Integrity.Valid.ShouldBeFalse();
        (ed448.Indication, ed448.SubIndication).ShouldBe((Indication.Indeterminate, SubIndication.CryptoConstraintsFailure));
        ed448.Reason.En.ShouldContain("Ed448 must be used with SHAKE256");
        ed25519.Integrity.SignatureAlgorithm.ShouldBe("Ed25519");
        ed25519.Integrity.AlgorithmPairAllowed.ShouldBeTrue(Describe(ed25519));
    }

    [Fact]
    public async Task SHA_1_is_reported_with_the_date_it_stopped_being_acceptable()
    {
        var report = await ValidateWithinLimitAsync(Validator(Corpus.PathOf(".")), Corpus.PathOf("esig-dss/pkcs7_sha1.pdf"));

        var sha1 = report.Signatures.First(s => s.SubFilter == "adbe.pkcs7.sha1");
        sha1.Integrity.AlgorithmsAcceptable.ShouldBeFalse();
        sha1.Integrity.Warnings.ShouldContain(w => w.Contains("SHA-1 is not acceptable for signatures made after 2009-08-01"));
        report.Indication.ShouldNotBe(Indication.TotalPassed);
    }

    [Fact]
    public void Every_PDF_in_the_manifest_has_an_expectation()
    {
        var manifest = File.ReadAllLines(Corpus.PathOf("MANIFEST.tsv")).Skip(1).Select(l => l.Split('\t')[0]).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal));
        manifest.Except(Expectations.Keys).ShouldBeEmpty();
    }

    [Fact]
    public async Task Agreement_with_each_manifest_column_is_printed()
    {
        var root = Corpus.PathOf(".");
        var validator = Validator(root);
        var rows = File.ReadAllLines(Path.Combine(root, "MANIFEST.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[0].EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        int expectedAgree = 0, expectedTotal = 0, pdfsigAgree = 0, pdfsigTotal = 0, coverageAgree = 0, coverageTotal = 0, opensslAgree = 0, opensslTotal = 0;
        int itextAgree = 0, itextTotal = 0, itextCoverageAgree = 0, itextCoverageTotal = 0;
        var disagreements = new StringBuilder();
        var itext = (await ItextOracle.VerifyAsync([.. rows.Select(r => Path.Combine(root, r[0]))])).ToLookup(v => v.File);
        foreach (var row in rows)
        {
            var report = await ValidateWithinLimitAsync(validator, Path.Combine(root, row[0]));
            var ours = report.Signatures;
            var expected = Expectations[row[0]];
            for (var i = 0; i < Math.Min(ours.Count, expected.Length); i++)
            {
                expectedTotal++;
                if (ours[i].Integrity.Valid == expected[i].Valid && ours[i].Coverage.ByteRangeValid == expected[i].ByteRange)
                    expectedAgree++;
            }

            var check = row[8];
            var pdfsig = Regex.Match(check, @"pdfsig -nocert: (.*?) \|\|").Groups[1].Value;
            foreach (Match m in Regex.Matches(pdfsig, @"(?:^|; )(.+?):([^:;/]+(?:\([^)]*\))?)/(whole|partial)"))
            {
                var signature = ours.FirstOrDefault(s => s.FieldName == m.Groups[1].Value);
                if (signature is null || m.Groups[2].Value == "?")
                    continue;
                pdfsigTotal++;
                var theirs = m.Groups[2].Value == "valid";
                var mine = signature.Integrity.DigestMatches && signature.Integrity.SignatureVerifies;
                if (theirs == mine || m.Groups[2].Value.StartsWith("not-verified", StringComparison.Ordinal))
                    pdfsigAgree++;
                else
                    disagreements.AppendLine($"  pdfsig {row[0]} {m.Groups[1].Value}: pdfsig {m.Groups[2].Value}, ours crypto={mine} valid={signature.Integrity.Valid}");
                coverageTotal++;
                if ((m.Groups[3].Value == "whole") == (signature.Coverage.Coverage == Coverage.EntireFile))
                    coverageAgree++;
                else
                    disagreements.AppendLine($"  coverage {row[0]} {m.Groups[1].Value}: pdfsig {m.Groups[3].Value}, ours {signature.Coverage.Coverage}");
            }

            foreach (var theirs in itext[Path.Combine(root, row[0])])
            {
                var signature = ours.FirstOrDefault(s => s.FieldName == theirs.Field);
                if (signature is null)
                {
                    disagreements.AppendLine($"  iText {row[0]} {theirs.Field}: found by iText, not by us");
                    continue;
                }
                itextTotal++;
                var mine = signature.Integrity.DigestMatches && signature.Integrity.SignatureVerifies;
                if (mine == (theirs.Intact == true))
                    itextAgree++;
                else
                    disagreements.AppendLine($"  iText {row[0]} {theirs.Field}: iText {(theirs.Intact is null ? "error: " + theirs.Detail : theirs.Intact.Value ? "intact" : "broken")}, ours crypto={mine}");
                itextCoverageTotal++;
                if (theirs.Whole == (signature.Coverage.Coverage == Coverage.EntireFile))
                    itextCoverageAgree++;
                else
                    disagreements.AppendLine($"  iText coverage {row[0]} {theirs.Field}: iText {(theirs.Whole ? "whole" : "partial")}, ours {signature.Coverage.Coverage}");
            }

            var openssl = Regex.Match(check, @"openssl cms over ByteRange: (.*)$").Groups[1].Value.Split("; ", StringSplitOptions.RemoveEmptyEntries);
            var byOffset = ours.Where(s => s.Coverage.ByteRange is not null).ToList();
            for (var i = 0; i < Math.Min(openssl.Length, byOffset.Count); i++)
            {
                opensslTotal++;
                var theirs = openssl[i].Replace("TST:", "").StartsWith("ok", StringComparison.Ordinal);
                var mine = byOffset[i].Integrity.DigestMatches && byOffset[i].Integrity.SignatureVerifies;
                if (theirs == mine)
                    opensslAgree++;
                else
                    disagreements.AppendLine($"  openssl {row[0]} #{i + 1}: openssl {openssl[i]}, ours crypto={mine}");
            }
        }
        var summary = $"""
            Corpus agreement ({rows.Count} files):
              expected_result (integrity+ByteRange, hard asserts): {expectedAgree}/{expectedTotal}
              pdfsig -nocert signature verdict (crypto):           {pdfsigAgree}/{pdfsigTotal}
              pdfsig coverage (whole vs partial):                  {coverageAgree}/{coverageTotal}
              openssl cms over ByteRange (crypto):                 {opensslAgree}/{opensslTotal}
              iText 5 signature verdict (crypto, run here):        {itextAgree}/{itextTotal}
              iText 5 coverage (whole vs partial):                 {itextCoverageAgree}/{itextCoverageTotal}
            Disagreements:
            {disagreements}
            """;
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        expectedAgree.ShouldBe(expectedTotal, summary);
    }

    static async Task<DocumentValidationReport> ValidateWithinLimitAsync(PdfSignatureValidator validator, string path)
    {
        await using var stream = File.OpenRead(path);
        var validation = Task.Run(() => validator.ValidateAsync(stream, TestContext.Current.CancellationToken));
        var finished = await Task.WhenAny(validation, Task.Delay(PerFileLimit, TestContext.Current.CancellationToken));
        finished.ShouldBe(validation, $"{path} took longer than {PerFileLimit}");
        return await validation;
    }

    static string Describe(DocumentValidationReport report) => ValidationJson.Serialize(report);

    static string Describe(SignatureValidationReport signature) => string.Join(" ", signature.Integrity.Reasons.Concat(signature.Integrity.Warnings));
}
