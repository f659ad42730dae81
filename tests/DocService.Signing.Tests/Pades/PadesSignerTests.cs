using System.Text;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Pades;

public sealed class PadesSignerTests : IDisposable
{
    readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Signature_is_valid_for_pdfsig_and_the_input_is_a_byte_exact_prefix()
    {
        var input = TestPdfs.Simple();

        var signed = await SignedPdf.SignAsync(input, SignedPdf.NewField("Signature1"));

        signed.AsSpan(0, input.Length).SequenceEqual(input).ShouldBeTrue();
        (await Pdfsig.SignatureVerdictsAsync(_files.Write("signed.pdf", signed))).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public async Task Certificate_is_trusted_when_nss_trusts_the_development_root()
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Signature1"));

        var report = await Pdfsig.ReportWithDevelopmentRootAsync(_files.Write("signed.pdf", signed));

        report.ShouldContain("Signature is Valid.");
        report.Contains("Certificate is Trusted.").ShouldBeTrue(report);
        report.ShouldContain("ETSI.CAdES.detached");
    }

    [Theory]
    [InlineData("official-rsa2048", SignatureAlgorithm.RsaPkcs1)]
    [InlineData("official-rsa3072", SignatureAlgorithm.RsaPss)]
    [InlineData("official-ecdsa-p256", SignatureAlgorithm.Ecdsa)]
    public async Task Every_key_type_signs_valid_pdfs(string key, SignatureAlgorithm algorithm)
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Signature1"), key, algorithm);

        (await Pdfsig.SignatureVerdictsAsync(_files.Write("signed.pdf", signed))).ShouldBe(["Signature is Valid."]);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha384)]
    [InlineData(DigestAlgorithm.Sha512)]
    public async Task Longer_digests_sign_valid_pdfs(DigestAlgorithm digest)
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Signature1") with { DigestAlgorithm = digest });

        (await Pdfsig.SignatureVerdictsAsync(_files.Write("signed.pdf", signed))).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public async Task Adobe_pkcs7_subfilter_is_written_on_request_and_valid()
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Signature1") with { SubFilter = PadesSubFilter.AdobePkcs7Detached });

        var report = await Pdfsig.ReportWithDevelopmentRootAsync(_files.Write("signed.pdf", signed));
        report.ShouldContain("adbe.pkcs7.detached");
        report.ShouldContain("Signature is Valid.");
    }

    [Fact]
    public async Task Three_successive_signatures_are_all_valid()
    {
        var once = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Drafter"));
        var twice = await SignedPdf.SignAsync(once, SignedPdf.NewField("Leader"), "official-rsa3072");
        var thrice = await SignedPdf.SignAsync(twice, SignedPdf.NewField("Organisation"), "organisation");

        (await Pdfsig.SignatureVerdictsAsync(_files.Write("three.pdf", thrice))).ShouldBe(["Signature is Valid.", "Signature is Valid.", "Signature is Valid."]);
        (await ExternalTool.RunAsync("qpdf", "--check", _files.Write("three-check.pdf", thrice))).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Openssl_verifies_the_cms_over_exactly_the_byte_range()
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Signature1"));
        var (byteRange, cms) = ExtractSignature(signed);
        var covered = signed[(int)byteRange[0]..(int)byteRange[1]].Concat(signed[(int)byteRange[2]..(int)(byteRange[2] + byteRange[3])]).ToArray();

        var verified = await OpenSsl.CmsVerifyAsync(_files.Write("sig.der", cms), _files.Write("content.bin", covered));

        verified.ExitCode.ShouldBe(0, verified.ToString());
        (byteRange[2] + byteRange[3]).ShouldBe(signed.Length);
    }

    [Fact]
    public async Task Pades_signature_carries_no_signing_time_attribute_and_the_time_in_M()
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Signature1"));
        var (_, cms) = ExtractSignature(signed);

        var printed = await OpenSsl.CmsPrintAsync(_files.Write("sig.der", cms));

        printed.Output.ShouldNotContain("signingTime");
        Encoding.Latin1.GetString(signed).ShouldContain("/M (D:20261126093000+07'00')");
    }

    [Fact]
    public async Task Existing_empty_field_is_filled_with_its_widget_appearance()
    {
        using var appearance = new MemoryStream(TestPdfs.Appearance());
        var options = new PadesSignatureOptions { FieldName = "signer", Appearance = appearance };

        var signed = await SignedPdf.SignAsync(TestPdfs.WithEmptySignatureFields("signer", "organisation"), options);

        var document = PdfDocument.Open(new MemoryStream(signed));
        var field = document.Fields.Single(f => f.FullName == "signer");
        field.IsSigned.ShouldBeTrue();
        document.Get<PdfDictionary>(field.Dictionary, new PdfName("AP")).ShouldNotBeNull();
        document.Fields.Single(f => f.FullName == "organisation").IsSigned.ShouldBeFalse();
        (await Pdfsig.SignatureVerdictsAsync(_files.Write("signed.pdf", signed))).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public async Task Certification_p2_permits_signing_the_remaining_empty_field_and_both_stay_valid()
    {
        var certified = await SignedPdf.SignAsync(TestPdfs.WithEmptySignatureFields("signer", "organisation"),
            new PadesSignatureOptions { FieldName = "signer", Certify = DocMdpPermission.FormFillingAndSigning });

        var issued = await SignedPdf.SignAsync(certified, new PadesSignatureOptions { FieldName = "organisation" }, "organisation");

        SigningPermissions.CertificationPermission(PdfDocument.Open(new MemoryStream(issued))).ShouldBe(DocMdpPermission.FormFillingAndSigning);
        (await Pdfsig.SignatureVerdictsAsync(_files.Write("issued.pdf", issued))).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
    }

    [Theory]
    [InlineData(DocMdpPermission.FormFillingAndSigning)]
    [InlineData(DocMdpPermission.FormFillingSigningAndAnnotations)]
    public async Task Certification_p2_and_p3_take_a_signature_in_a_new_field_and_the_certification_stays_valid(DocMdpPermission permission)
    {
        var certified = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Leader", permission));

        var cosigned = await SignedPdf.SignAsync(certified, SignedPdf.NewField("Extra"), "organisation");

        SigningPermissions.CertificationPermission(PdfDocument.Open(new MemoryStream(cosigned))).ShouldBe(permission);
        (await Pdfsig.SignatureVerdictsAsync(_files.Write("cosigned.pdf", cosigned))).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
        using var stream = new MemoryStream(cosigned);
        var report = await new DocService.Signing.Validation.PdfSignatureValidator(new() { TrustAnchors = [DevPki.Certificate("root")] })
            .ValidateAsync(stream, TestContext.Current.CancellationToken);
        var certification = report.Signatures.Single(s => s.FieldName == "Leader");
        certification.Certification.ShouldBeTrue();
        certification.Integrity.Valid.ShouldBeTrue();
        certification.Modifications.Permitted.ShouldBeTrue(string.Join(" ", certification.Modifications.Findings.Select(f => f.Description)));
        certification.Modifications.Level.ShouldBe(DocService.Signing.Validation.ModificationLevel.FormFillAndSignatures);
        report.Signatures.Single(s => s.FieldName == "Extra").Integrity.Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Certification_p1_refuses_every_later_signature()
    {
        var certified = await SignedPdf.SignAsync(TestPdfs.WithEmptySignatureFields("a", "b"),
            new PadesSignatureOptions { FieldName = "a", Certify = DocMdpPermission.NoChanges });

        var error = await Should.ThrowAsync<SignatureNotPermittedException>(SignedPdf.SignAsync(certified, new PadesSignatureOptions { FieldName = "b" }));

        error.Code.ShouldBe("signature.document_locked");
    }

    [Fact]
    public async Task Only_the_first_signature_may_certify()
    {
        var once = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("First"));

        var error = await Should.ThrowAsync<SignatureNotPermittedException>(
            SignedPdf.SignAsync(once, SignedPdf.NewField("Second", DocMdpPermission.FormFillingAndSigning)));

        error.Code.ShouldBe("signature.certification_not_first");
    }

    [Fact]
    public async Task A_signed_field_cannot_be_signed_again()
    {
        var once = await SignedPdf.SignAsync(TestPdfs.Simple(), SignedPdf.NewField("Leader"));

        (await Should.ThrowAsync<SignatureNotPermittedException>(SignedPdf.SignAsync(once, SignedPdf.NewField("Leader"))))
            .Code.ShouldBe("signature.field_already_signed");
    }

    [Fact]
    public async Task Invisible_signature_has_an_empty_widget_rectangle()
    {
        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(), new PadesSignatureOptions { FieldName = "Invisible" });

        var field = PdfDocument.Open(new MemoryStream(signed)).Fields.Single(f => f.FullName == "Invisible");
        field.Widgets.Single().Rect!.Value.Width.ShouldBe(0);
        (await Pdfsig.SignatureVerdictsAsync(_files.Write("signed.pdf", signed))).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public async Task Appearance_on_a_rotated_page_is_counter_rotated()
    {
        using var appearance = new MemoryStream(TestPdfs.Appearance());

        var signed = await SignedPdf.SignAsync(TestPdfs.Simple(rotate: 90), SignedPdf.NewField("Signature1") with { Appearance = appearance });

        var document = PdfDocument.Open(new MemoryStream(signed));
        var widget = document.Fields.Single().Dictionary;
        var normal = document.Get<PdfDictionary>(document.Get<PdfDictionary>(widget, new PdfName("AP"))!, new PdfName("N"));
        var form = (PdfStream)document.Resolve(document.Get<PdfDictionary>(widget, new PdfName("AP"))!["N"]);
        form.Dictionary["Matrix"]!.ToString().ShouldBe("[0 1 -1 0 0 0]");
        (await ExternalTool.RunAsync("qpdf", "--check", _files.Write("rotated.pdf", signed))).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Text_fields_filled_with_the_signature_are_covered_by_it()
    {
        var input = AddTextField(TestPdfs.WithEmptySignatureFields("organisation"), "number");
        using var appearance = new MemoryStream(TestPdfs.Appearance("15/QD-UBND"));
        var options = new PadesSignatureOptions { FieldName = "organisation", Fills = [new FieldFill("number", "15", appearance)] };

        var signed = await SignedPdf.SignAsync(input, options, "organisation");

        var document = PdfDocument.Open(new MemoryStream(signed));
        ((PdfString)document.Fields.Single(f => f.FullName == "number").Value!).ToText().ShouldBe("15");
        (await Pdfsig.SignatureVerdictsAsync(_files.Write("filled.pdf", signed))).ShouldBe(["Signature is Valid."]);
    }

    static byte[] AddTextField(byte[] pdf, string name)
    {
        var document = PdfDocument.Open(new MemoryStream(pdf));
        var update = new DocService.Pdf.Writing.IncrementalUpdate(document);
        var page = document.Pages[0];
        var field = update.Add(PdfDictionary.Of(
            ("Type", new PdfName("Annot")), ("Subtype", new PdfName("Widget")), ("FT", new PdfName("Tx")),
            ("T", PdfString.FromText(name)), ("Rect", PdfArray.OfIntegers(50, 700, 250, 720)), ("P", new PdfReference(page.Id!.Value))));
        var annots = (PdfArray)document.Resolve(page.Dictionary["Annots"]);
        update.Replace(page.Id!.Value.Number, page.Dictionary.With("Annots", new PdfArray(annots.Append(field))));
        var catalog = document.Catalog;
        var form = (PdfDictionary)document.Resolve(catalog["AcroForm"]);
        var fields = (PdfArray)document.Resolve(form["Fields"]);
        update.Replace(((PdfReference)document.Trailer[PdfName.Root]!).Id.Number,
            catalog.With("AcroForm", form.With("Fields", new PdfArray(fields.Append(field)))));
        var output = new MemoryStream();
        update.WriteTo(output);
        return output.ToArray();
    }

    /// <summary>The last signature's ByteRange and CMS, read back the way a validator would.</summary>
    internal static (long[] ByteRange, byte[] Cms) ExtractSignature(byte[] signed)
    {
        var document = PdfDocument.Open(new MemoryStream(signed));
        var signature = (PdfDictionary)document.Fields.Last(f => f.IsSigned).Value!;
        var byteRange = ((PdfArray)document.Resolve(signature["ByteRange"])).Cast<PdfInteger>().Select(i => i.Value).ToArray();
        var contents = ((PdfString)document.Resolve(signature["Contents"])).Bytes.ToArray();
        var length = new Org.BouncyCastle.Asn1.Asn1InputStream(contents).ReadObject().GetEncoded().Length;
        return (byteRange, contents[..length]);
    }
}
