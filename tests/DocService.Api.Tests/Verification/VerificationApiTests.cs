using System.Net;
using System.Net.Http.Headers;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Verification;
using DocService.Api.Tests.Infrastructure;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;

namespace DocService.Api.Tests.Verification;

/// <summary>The auditor's side over HTTP: upload any signed PDF, read the report back, fetch what each signature signed.</summary>
public abstract class VerificationApiTests(ApiFactory api) : IDisposable
{
    readonly string _organ = TestOrgans.New();
    readonly string _files = Directory.CreateTempSubdirectory("docservice-verify-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Auditor => api.ClientFor("kiemtra", _organ, ["auditor"]);
    HttpClient Admin => api.ClientFor("admin", _organ, ["admin"]);

    public void Dispose() => Directory.Delete(_files, recursive: true);

    static async Task<byte[]> SignAsync(byte[] pdf, string field)
    {
        using var input = new MemoryStream(pdf);
        using var output = new MemoryStream();
        await new PadesSigner(new CmsSignatureBuilder()).SignAsync(input, output, DevPki.Signer("official-rsa2048"), new PadesSignatureOptions
        {
            FieldName = field,
            Placement = new FieldPlacement(0, new PdfRectangle(300, 100, 500, 160)),
        }, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    static MultipartFormDataContent FileForm(byte[] bytes, string name = "signed.pdf", string type = "application/pdf") =>
        TestForms.File(bytes, name, type);

    async Task<VerificationResponse> VerifyAsync(byte[] pdf) =>
        await (await Auditor.PostAsync("/api/v1/verifications", FileForm(pdf), Ct)).ShouldBeJsonAsync<VerificationResponse>(HttpStatusCode.Created);

    async Task TrustDevelopmentRootAsync() =>
        (await Admin.PostAsync("/api/v1/admin/trust-anchors", FileForm(File.ReadAllBytes(DevPki.RootCertificatePath), "root.crt", "application/x-pem-file"), Ct))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);

    [Fact]
    public async Task An_uploaded_file_is_kept_thirty_days_by_default()
    {
        var report = await VerifyAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"));

        report.FileKeptUntil.ShouldNotBeNull();
        (report.FileKeptUntil.Value - report.CreatedAt).ShouldBe(TimeSpan.FromDays(30), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_sound_signature_with_an_untrusted_root_is_intact_but_not_passed()
    {
        var report = await VerifyAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"));

        var signature = report.Signatures.ShouldHaveSingleItem();
        signature.Integrity.Valid.ShouldBeTrue();
        signature.Coverage.ByteRangeValid.ShouldBeTrue();
        signature.Coverage.Coverage.ShouldBe(Coverage.EntireFile);
        report.Indication.ShouldNotBe(Indication.TotalPassed);
        report.Message.Vi.ShouldNotBeNullOrWhiteSpace();
        report.Message.En.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task With_the_root_trusted_the_chain_is_trusted_and_missing_revocation_keeps_it_indeterminate()
    {
        await TrustDevelopmentRootAsync();

        var report = await VerifyAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"));

        var signature = report.Signatures.ShouldHaveSingleItem();
        signature.Trust.Status.ShouldBe(TrustStatus.Trusted);
        signature.Revocation.Status.ShouldBe(RevocationStatus.Unavailable);
        signature.Indication.ShouldBe(Indication.Indeterminate);
    }

    [Fact]
    public async Task A_changed_byte_in_the_signed_range_fails_integrity()
    {
        var signed = await SignAsync(SamplePdfs.WithText("Original text"), "Leader");
        var tampered = (byte[])signed.Clone();
        var at = System.Text.Encoding.ASCII.GetString(tampered).IndexOf("Original", StringComparison.Ordinal);
        tampered[at] = (byte)'X';

        var report = await VerifyAsync(tampered);

        report.Signatures.ShouldHaveSingleItem().Integrity.Valid.ShouldBeFalse();
        report.Indication.ShouldBe(Indication.TotalFailed);
    }

    [Fact]
    public async Task Report_reads_back_and_each_signature_yields_the_version_it_signed()
    {
        var once = await SignAsync(SamplePdfs.WithText("x"), "Leader");
        var twice = await SignAsync(once, "Clerk");
        var report = await VerifyAsync(twice);

        var again = await (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}", Ct)).ShouldBeJsonAsync<VerificationResponse>();
        var first = await (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/signatures/1/signed-version", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var second = await (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/signatures/2/signed-version", Ct)).Content.ReadAsByteArrayAsync(Ct);

        again.Indication.ShouldBe(report.Indication);
        again.Signatures.Count.ShouldBe(2);
        report.Signatures[0].Coverage.Coverage.ShouldBe(Coverage.Revision);
        first.ShouldBe(once);
        second.ShouldBe(twice);
    }

    [Fact]
    public async Task Pdf_report_is_in_vietnamese_and_signed_by_the_organisation()
    {
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("organisation.p12", "Organ", _organ), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = await VerifyAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"));

        var pdf = await (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/report.pdf", Ct)).Content.ReadAsByteArrayAsync(Ct);

        var path = Path.Combine(_files, "report.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        (await Pdfsig.SignatureVerdictsAsync(path)).ShouldBe(["Signature is Valid."]);
        var text = await ExternalTool.RunAsync("pdftotext", path, "-");
        text.Output.ShouldContain("BÁO CÁO XÁC THỰC CHỮ KÝ SỐ");
        text.Output.ShouldContain("Leader");
        // Read by people: the words, not the enum names, and times in Vietnam time.
        text.Output.ShouldContain("CHƯA XÁC ĐỊNH");
        text.Output.ShouldContain("giờ Việt Nam");
        text.Output.ShouldContain("số hiệu");
        foreach (var name in new[] { "Indeterminate", "NoChainToTrustAnchor", "EntireFile", "TotalPassed", "NO_CERTIFICATE_CHAIN_FOUND", "BLT", "ValidationTime" })
            text.Output.ShouldNotContain(name);

        var english = await (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/report.pdf?lang=en", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var englishPath = Path.Combine(_files, "report-en.pdf");
        await File.WriteAllBytesAsync(englishPath, english, Ct);
        var englishText = (await ExternalTool.RunAsync("pdftotext", englishPath, "-")).Output;
        englishText.ShouldContain("SIGNATURE VALIDATION REPORT");
        englishText.ShouldContain("INDETERMINATE");
        englishText.ShouldContain("Vietnam time");
        (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/report.pdf?lang=fr", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Simple_report_has_one_line_per_signature_with_who_when_indication_and_why()
    {
        var report = await VerifyAsync(await SignAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"), "Seal"));

        var simple = await (await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/simple", Ct))
            .ShouldBeJsonAsync<DocService.Signing.Validation.Reports.SimpleValidationReport>(HttpStatusCode.OK);

        simple.SignaturesCount.ShouldBe(2);
        simple.Signatures.Select(s => s.FieldName).ShouldBe(["Leader", "Seal"]);
        simple.Signatures.ShouldAllBe(s => s.SignedBy != null && s.Why.Vi.Length > 0 && s.Why.En.Length > 0);
        simple.Signatures.ShouldAllBe(s => s.Indication == report.Indication);
        simple.Signatures[0].Why.ShouldBe(report.Signatures[0].Reason);
    }

    [Fact]
    public async Task Etsi_report_is_ts_119_102_2_xml_with_one_signature_report_each()
    {
        var report = await VerifyAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"));

        var response = await Auditor.GetAsync($"/api/v1/verifications/{report.Id}/report.xml", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        System.Xml.Linq.XNamespace etsi = "http://uri.etsi.org/19102/v1.2.1#";
        xml.Root!.Name.ShouldBe(etsi + "ValidationReport");
        var signature = xml.Root.Elements(etsi + "SignatureValidationReport").ShouldHaveSingleItem();
        signature.Element(etsi + "SignatureIdentifier")!.Element(etsi + "DAIdentifier")!.Value.ShouldBe("Leader");
        // Other tests of this host may trust the development root, so the sub-indication is the report's, whichever it is.
        var status = signature.Element(etsi + "SignatureValidationStatus")!;
        status.Element(etsi + "MainIndication")!.Value.ShouldBe("urn:etsi:019102:mainindication:indeterminate");
        status.Element(etsi + "SubIndication")!.Value.ShouldBe("urn:etsi:019102:subindication:"
            + System.Text.Json.JsonSerializer.Serialize(report.Signatures[0].SubIndication).Trim('"'));
        // The signer information refers to a validation object that is there.
        var reference = signature.Element(etsi + "SignerInformation")!.Element(etsi + "SignerCertificate")!.Attribute("VOReference")!.Value;
        xml.Root.Element(etsi + "SignatureValidationObjects")!.Elements(etsi + "ValidationObject").Select(o => o.Attribute("id")!.Value).ShouldContain(reference);
    }

    [Fact]
    public async Task A_stored_document_is_verified_by_id()
    {
        var drafter = api.ClientFor("chuyenvien", _organ, ["drafter"]);
        var document = await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(await SignAsync(SamplePdfs.WithText("x"), "Leader")), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

        var report = await (await Auditor.PostAsync($"/api/v1/documents/{document.Id}/verifications", null, Ct)).ShouldBeJsonAsync<VerificationResponse>(HttpStatusCode.Created);

        report.DocumentId.ShouldBe(document.Id);
        report.Signatures.ShouldHaveSingleItem().FieldName.ShouldBe("Leader");
    }

    [Fact]
    public async Task Another_organs_report_is_not_found()
    {
        var report = await VerifyAsync(await SignAsync(SamplePdfs.WithText("x"), "Leader"));
        var stranger = api.ClientFor("kiemtra", TestOrgans.New(), ["auditor"]);

        await (await stranger.GetAsync($"/api/v1/verifications/{report.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
    }

    [Fact]
    public async Task An_unsigned_pdf_has_no_signature_and_fails()
    {
        var report = await VerifyAsync(SamplePdfs.WithText("nothing signed"));

        report.Signatures.ShouldBeEmpty();
        report.Indication.ShouldBe(Indication.TotalFailed);
    }

    [Fact]
    public async Task Not_a_pdf_is_a_415_and_a_broken_pdf_a_clear_4xx()
    {
        await (await Auditor.PostAsync("/api/v1/verifications", FileForm("hello"u8.ToArray()), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "document.not_pdf");

        var broken = await Auditor.PostAsync("/api/v1/verifications", FileForm("%PDF-1.7\n1 0 obj << /Type /Catalog"u8.ToArray()), Ct);

        ((int)broken.StatusCode).ShouldBeInRange(200, 499);
    }

    [Fact]
    public async Task Trust_anchors_are_added_listed_refused_twice_and_removed_by_admins_only()
    {
        var root = File.ReadAllBytes(DevPki.Directory + "/issuing-ca.crt");
        var added = await (await Admin.PostAsync("/api/v1/admin/trust-anchors", FileForm(root, "ca.crt", "application/x-pem-file"), Ct))
            .ShouldBeJsonAsync<ManageTrustAnchors.Response>(HttpStatusCode.Created);

        (await (await Admin.GetAsync("/api/v1/admin/trust-anchors", Ct)).ShouldBeJsonAsync<List<ManageTrustAnchors.Response>>()).ShouldContain(a => a.Id == added.Id);
        await (await Admin.PostAsync("/api/v1/admin/trust-anchors", FileForm(root, "ca.crt"), Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "trust_anchor.exists");
        await (await Admin.PostAsync("/api/v1/admin/trust-anchors", FileForm("not a certificate"u8.ToArray(), "x.crt"), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trust_anchor.invalid_certificate");
        await (await Auditor.GetAsync("/api/v1/admin/trust-anchors", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await Admin.DeleteAsync($"/api/v1/admin/trust-anchors/{added.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await Admin.GetAsync("/api/v1/admin/trust-anchors", Ct)).ShouldBeJsonAsync<List<ManageTrustAnchors.Response>>()).ShouldNotContain(a => a.Id == added.Id);
    }
}

public sealed class VerificationApiOnSqliteTests(SqliteApi api) : VerificationApiTests(api), IClassFixture<SqliteApi>;

[Trait("Category", "Postgres")]
public sealed class VerificationApiOnPostgresTests(PostgresApi api) : VerificationApiTests(api), IClassFixture<PostgresApi>;
