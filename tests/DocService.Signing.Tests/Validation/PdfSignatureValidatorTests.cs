using System.Text;
using System.Text.Json;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Validation;

/// <summary>Our own signatures through the validator, with the development root as the only anchor.</summary>
public sealed class PdfSignatureValidatorTests
{
    [Fact]
    public async Task Our_signature_is_intact_trusted_and_covers_the_whole_file_but_without_revocation_data_it_is_indeterminate()
    {
        var report = await ValidateAsync(await SignedAsync());

        var signature = report.Signatures.ShouldHaveSingleItem();
        signature.Integrity.Valid.ShouldBeTrue(string.Join(" ", signature.Integrity.Reasons));
        signature.Coverage.ByteRangeValid.ShouldBeTrue();
        signature.Coverage.Coverage.ShouldBe(Coverage.EntireFile);
        signature.Modifications.Level.ShouldBe(ModificationLevel.None);
        signature.Trust.Status.ShouldBe(TrustStatus.Trusted);
        signature.SignerName.ShouldBe("Nguyễn Văn An");
        signature.Level.Reached.ShouldBe(LevelReached.BB);
        // Fetching is off and nothing is embedded: unavailable revocation is never a pass.
        signature.Revocation.Status.ShouldBe(RevocationStatus.Unavailable);
        signature.Indication.ShouldBe(Indication.Indeterminate);
        signature.SubIndication.ShouldBe(SubIndication.TryLater);
        report.Indication.ShouldBe(Indication.Indeterminate);
    }

    [Fact]
    public async Task A_changed_byte_inside_the_signed_range_is_a_hash_failure()
    {
        var signed = await SignedAsync();
        var text = Encoding.ASCII.GetString(signed);
        var at = text.IndexOf("Quyet dinh so 01", StringComparison.Ordinal);
        signed[at] = (byte)'X';

        var signature = (await ValidateAsync(signed)).Signatures.ShouldHaveSingleItem();

        signature.Integrity.DigestMatches.ShouldBeFalse();
        signature.Coverage.ByteRangeValid.ShouldBeTrue();
        signature.Indication.ShouldBe(Indication.TotalFailed);
        signature.SubIndication.ShouldBe(SubIndication.HashFailure);
        signature.Message.Vi.ShouldContain("bị thay đổi");
    }

    [Fact]
    public async Task A_signature_from_an_untrusted_root_has_no_chain()
    {
        var report = await ValidateAsync(await SignedAsync(), new ValidationOptions());

        var signature = report.Signatures.ShouldHaveSingleItem();
        signature.Trust.Status.ShouldBe(TrustStatus.NoChainToTrustAnchor);
        signature.SubIndication.ShouldBe(SubIndication.NoCertificateChainFound);
    }

    [Fact]
    public async Task Second_signature_keeps_the_first_one_intact_with_only_signing_changes_after_it()
    {
        var first = await SignedAsync(field: "Leader");
        var second = await SignedAsync("organisation", input: first, field: "Seal");

        var report = await ValidateAsync(second);

        report.Signatures.Count.ShouldBe(2);
        var leader = report.Signatures.Single(s => s.FieldName == "Leader");
        leader.Integrity.Valid.ShouldBeTrue();
        leader.Coverage.Coverage.ShouldBe(Coverage.Revision);
        leader.Coverage.CoveredRevision.ShouldBe(2);
        leader.Modifications.Level.ShouldBe(ModificationLevel.FormFillAndSignatures);
        leader.Modifications.Permitted.ShouldBeTrue();
        leader.Modifications.Attacks.ShouldBeEmpty();
        report.Signatures.Single(s => s.FieldName == "Seal").Coverage.Coverage.ShouldBe(Coverage.EntireFile);
    }

    [Fact]
    public async Task Appending_a_page_content_change_after_signing_is_other_and_flagged()
    {
        var signed = await SignedAsync();
        var tampered = AppendRevision(signed, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>\nendobj\n");

        var signature = (await ValidateAsync(tampered)).Signatures.ShouldHaveSingleItem();

        signature.Integrity.Valid.ShouldBeTrue();
        signature.Coverage.Coverage.ShouldBe(Coverage.Revision);
        signature.Modifications.Level.ShouldBe(ModificationLevel.Other);
        signature.Modifications.Permitted.ShouldBeFalse();
        signature.Modifications.Attacks.ShouldContain(PdfAttack.IncrementalSavingAttack);
        signature.Modifications.Findings.ShouldContain(f => f.Description.Contains("Object 4"));
        signature.Indication.ShouldBe(Indication.TotalFailed);
    }

    [Fact]
    public async Task A_certification_with_no_changes_permitted_is_broken_by_a_later_signature()
    {
        var certified = await SignedAsync(certify: DocMdpPermission.NoChanges, input: TestPdfs.WithEmptySignatureFields("Leader", "Seal"), field: "Leader");
        // Our signer refuses to touch a P=1 document, so the later form change is appended by hand.
        var later = AppendRevision(certified,
            "7 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (Seal) /TU (Dau co quan) /F 4 /Rect [210 100 360 160] /P 3 0 R >>\nendobj\n");

        var signature = (await ValidateAsync(later)).Signatures.ShouldHaveSingleItem();

        signature.Certification.ShouldBeTrue();
        signature.Modifications.Level.ShouldBe(ModificationLevel.FormFillAndSignatures);
        signature.Modifications.Permitted.ShouldBeFalse();
        signature.Modifications.Findings.ShouldContain(f => f.Description.Contains("DocMDP P=1"));
    }

    [Fact]
    public async Task A_valid_signature_timestamp_makes_B_T_and_sets_the_best_signature_time()
    {
        var stampedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var pdf = AddSignatureTimestamp(await SignedAsync(signingTime: stampedAt), stampedAt);

        var signature = (await ValidateAsync(pdf)).Signatures.ShouldHaveSingleItem();

        signature.Integrity.Valid.ShouldBeTrue();
        signature.Timestamps.SignatureTimestamp.ShouldNotBeNull();
        signature.Timestamps.SignatureTimestamp.Valid.ShouldBeTrue(string.Join(" ", signature.Timestamps.SignatureTimestamp.Reasons));
        signature.Timestamps.SignatureTimestamp.Trusted.ShouldBeTrue();
        signature.Level.Reached.ShouldBe(LevelReached.BT);
        signature.Timestamps.BestSignatureTimeSource.ShouldBe(BestTimeSource.SignatureTimestamp);
        signature.Timestamps.BestSignatureTime.ShouldBe(new DateTimeOffset(stampedAt.UtcDateTime.AddTicks(-(stampedAt.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)), TimeSpan.Zero), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_timestamp_over_another_value_does_not_count()
    {
        var pdf = AddSignatureTimestamp(await SignedAsync(), DateTimeOffset.UtcNow.AddMinutes(-1));
        var other = AddSignatureTimestamp(await SignedAsync(), DateTimeOffset.UtcNow.AddMinutes(-1));
        // Swap in a token stamping a different signature value.
        var otherCms = ReadCms(other);
        var ourCms = ReadCms(pdf);
        var forged = WriteCms(pdf, SpliceUnsignedAttributes(ourCms, otherCms));

        var signature = (await ValidateAsync(forged)).Signatures.ShouldHaveSingleItem();

        signature.Timestamps.SignatureTimestamp!.ImprintMatches.ShouldBeFalse();
        signature.Level.Reached.ShouldBe(LevelReached.BB);
        signature.Timestamps.BestSignatureTimeSource.ShouldBe(BestTimeSource.ValidationTime);
    }

    [Fact]
    public async Task Report_serialises_to_the_agreed_JSON_shape_with_enums_as_strings()
    {
        var report = await ValidateAsync(await SignedAsync());

        using var json = JsonDocument.Parse(ValidationJson.Serialize(report));
        var root = json.RootElement;
        root.GetProperty("indication").GetString().ShouldBe("INDETERMINATE");
        var signature = root.GetProperty("signatures")[0];
        signature.GetProperty("fieldName").GetString().ShouldBe("Signature1");
        signature.GetProperty("signerName").GetString().ShouldBe("Nguyễn Văn An");
        signature.GetProperty("integrity").GetProperty("valid").GetBoolean().ShouldBeTrue();
        signature.GetProperty("integrity").GetProperty("reasons").GetArrayLength().ShouldBe(0);
        signature.GetProperty("coverage").GetProperty("byteRangeValid").GetBoolean().ShouldBeTrue();
        signature.GetProperty("coverage").GetProperty("coverage").GetString().ShouldBe("EntireFile");
        signature.GetProperty("coverage").GetProperty("coveredRevision").GetInt32().ShouldBe(2);
        signature.GetProperty("modifications").GetProperty("level").GetString().ShouldBe("None");
        signature.GetProperty("modifications").GetProperty("permitted").GetBoolean().ShouldBeTrue();
        signature.GetProperty("trust").GetProperty("status").GetString().ShouldBe("Trusted");
        signature.GetProperty("revocation").GetProperty("status").GetString().ShouldBe("Unavailable");
        signature.GetProperty("timestamps").TryGetProperty("bestSignatureTime", out _).ShouldBeTrue();
        signature.GetProperty("level").GetProperty("reached").GetString().ShouldBe("B-B");
        var checks = signature.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()).ToList();
        checks.ShouldBe(["Integrity", "Coverage", "Modifications", "Timestamps", "Trust", "Revocation", "Level"]);
        signature.GetProperty("reason").GetProperty("vi").GetString().ShouldNotBeNullOrEmpty();
        signature.GetProperty("indication").GetString().ShouldBe("INDETERMINATE");
        signature.GetProperty("subIndication").GetString().ShouldBe("TRY_LATER");
        signature.GetProperty("message").GetProperty("vi").GetString().ShouldNotBeNullOrEmpty();
        signature.GetProperty("message").GetProperty("en").GetString().ShouldNotBeNullOrEmpty();
        ValidationJson.Deserialize(ValidationJson.Serialize(report)).ShouldNotBeNull().Signatures.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_PDF_without_signatures_fails_with_no_signature_found()
    {
        var report = await ValidateAsync(TestPdfs.Simple());

        report.Signatures.ShouldBeEmpty();
        report.Indication.ShouldBe(Indication.TotalFailed);
        report.Message.En.ShouldContain("no digital signature");
    }

    /// <summary>Appends an incremental update redefining <paramref name="objects"/> (a classic xref section).</summary>
    internal static byte[] AppendRevision(byte[] pdf, string objects)
    {
        var document = DocService.Pdf.Document.PdfDocument.Open(new MemoryStream(pdf));
        var builder = new StringBuilder();
        var offsets = new List<(int Number, long Offset)>();
        var position = (long)pdf.Length;
        foreach (var chunk in objects.Split("endobj\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var text = chunk + "endobj\n";
            offsets.Add((int.Parse(text[..text.IndexOf(' ')]), position + builder.Length));
            builder.Append(text);
        }
        var xref = position + builder.Length;
        builder.Append("xref\n");
        foreach (var (number, offset) in offsets)
            builder.Append($"{number} 1\n{offset:D10} 00000 n \n");
        var size = Math.Max(document.NextObjectNumber, offsets.Max(o => o.Number) + 1);
        builder.Append($"trailer\n<< /Size {size} /Root {document.Trailer["Root"]} /Prev {document.StartXref} >>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.ASCII.GetBytes(builder.ToString())];
    }

    static byte[] SpliceUnsignedAttributes(byte[] target, byte[] source)
    {
        static Org.BouncyCastle.Asn1.Cms.SignedData Data(byte[] cms)
        {
            using var input = new Org.BouncyCastle.Asn1.Asn1InputStream(cms);
            return Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(input.ReadObject()).Content);
        }
        var t = Data(target);
        var ti = Org.BouncyCastle.Asn1.Cms.SignerInfo.GetInstance(t.SignerInfos[0]);
        var si = Org.BouncyCastle.Asn1.Cms.SignerInfo.GetInstance(Data(source).SignerInfos[0]);
        var spliced = new Org.BouncyCastle.Asn1.Cms.SignerInfo(ti.SignerID, ti.DigestAlgorithm, ti.SignedAttrs, ti.SignatureAlgorithm, ti.Signature, si.UnsignedAttrs);
        var data = new Org.BouncyCastle.Asn1.Cms.SignedData(t.DigestAlgorithms, t.EncapContentInfo, t.Certificates, t.CRLs, new Org.BouncyCastle.Asn1.DerSet(spliced));
        return new Org.BouncyCastle.Asn1.Cms.ContentInfo(Org.BouncyCastle.Asn1.Cms.CmsObjectIdentifiers.SignedData, data).GetEncoded("DER");
    }
}
