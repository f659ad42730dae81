using System.Net;
using System.Net.Http.Headers;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Keys;
using DocService.Api.Features.Registers;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting.Rendering;
using DocService.Drafting;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// The whole outgoing flow through the API: a drafted Quyết định is reviewed, the leader signs
/// (certifying P=2), the clerk issues it with the register number, date and seal — and pdfsig
/// finds both signatures valid. Run on both database providers.
/// </summary>
public abstract class SigningFlowTests(ApiFactory api) : IDisposable
{
    readonly string _organ = TestOrgans.New();
    readonly string _files = Directory.CreateTempSubdirectory("docservice-flow-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Admin => api.ClientFor("admin", _organ, ["admin"]);
    HttpClient Drafter => api.ClientFor("chuyenvien", _organ, ["drafter"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);
    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);

    public void Dispose() => Directory.Delete(_files, recursive: true);

    async Task ProvisionKeysAndImagesAsync()
    {
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chutich"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("organisation.p12", "Organ", _organ), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Admin.PutAsync($"/api/v1/admin/images/User/chutich/Signature", TestForms.Png(DevImages.Signature()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PutAsync($"/api/v1/admin/images/Organ/{_organ}/Seal", TestForms.Png(DevImages.Seal()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    async Task<DocumentResponse> ApprovedDraftAsync(byte[]? pdf = null)
    {
        if (pdf is null)
        {
            using var rendered = new MemoryStream();
            new DraftRenderer().Render(SampleDrafts.QuyetDinh(), rendered);
            pdf = rendered.ToArray();
        }
        var document = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(pdf, "Quyết định", "Về việc thành lập Tổ công tác"), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        return await (await Leader.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
    }

    Task<HttpResponseMessage> SignAsync(DocumentResponse document) =>
        Leader.PostJsonAsync($"/api/v1/documents/{document.Id}/signatures", new { reason = "Phê duyệt" }, $"\"{document.Version}\"");

    Task<HttpResponseMessage> IssueAsync(DocumentResponse document) =>
        Clerk.PostActionAsync($"/api/v1/documents/{document.Id}/issue", $"\"{document.Version}\"");

    async Task<byte[]> ContentAsync(DocumentResponse document) =>
        await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct);

    [Fact]
    public async Task Draft_to_leader_to_clerk_ends_with_two_valid_signatures_and_a_registered_number()
    {
        await ProvisionKeysAndImagesAsync();
        var approved = await ApprovedDraftAsync();

        var signed = await (await SignAsync(approved)).ShouldBeJsonAsync<DocumentResponse>();
        var issued = await (await IssueAsync(signed)).ShouldBeJsonAsync<DocumentResponse>();

        signed.Status.ShouldBe(DocumentStatus.Signed);
        issued.Status.ShouldBe(DocumentStatus.Issued);
        issued.CodeNumber.ShouldBe(1);
        issued.Revisions.Count.ShouldBe(3);
        var pdf = await ContentAsync(issued);
        var path = Path.Combine(_files, "issued.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        (await Pdfsig.SignatureVerdictsAsync(path)).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
        var report = await Pdfsig.ReportWithDevelopmentRootAsync(path);
        report.Split("Certificate is Trusted.").Length.ShouldBe(3, report);
        (await ExternalTool.RunAsync("qpdf", "--check", path)).ExitCode.ShouldBe(0);

        var document = PdfDocument.Open(new MemoryStream(pdf));
        // The rendered draft leaves the notation to the number field, so the number runs straight into it.
        ((PdfString)document.Fields.Single(f => f.FullName == "number").Value!).ToText().ShouldBe("01/QĐ-UBND");
        (await ExternalTool.RunAsync("pdftotext", "-enc", "UTF-8", path, "-")).Output.ShouldContain("Số: 01/QĐ-UBND");
        ((PdfString)document.Fields.Single(f => f.FullName == "date").Value!).ToText().ShouldStartWith("ngày ");
        SigningPermissions.CertificationPermission(document).ShouldBe(DocMdpPermission.FormFillingAndSigning);

        var signedRevision = await (await Drafter.GetAsync($"/api/v1/documents/{issued.Id}/revisions/2/content", Ct)).Content.ReadAsByteArrayAsync(Ct);
        pdf.AsSpan(0, signedRevision.Length).SequenceEqual(signedRevision).ShouldBeTrue();

        var register = await (await Clerk.GetAsync($"/api/v1/registers/outgoing?year={issued.IssuedDate!.Value.Year}", Ct)).ShouldBeJsonAsync<RegisterView>();
        register.Items.ShouldHaveSingleItem()["code"].ShouldBe("01");
    }

    [Fact]
    public async Task Signing_without_a_held_key_is_refused_and_nothing_changes()
    {
        var approved = await ApprovedDraftAsync();

        await (await SignAsync(approved)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.no_key");

        var unchanged = await (await Drafter.GetAsync($"/api/v1/documents/{approved.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Status.ShouldBe(DocumentStatus.Approved);
        unchanged.Revisions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Signing_a_document_not_yet_approved_is_a_409()
    {
        await ProvisionKeysAndImagesAsync();
        var draft = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("x")), Ct)).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

        await (await Leader.PostJsonAsync($"/api/v1/documents/{draft.Id}/signatures", new { }, $"\"{draft.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.invalid_transition");
    }

    [Fact]
    public async Task An_uploaded_pdf_that_leaves_the_date_line_blank_gets_the_place_with_the_date()
    {
        await ProvisionKeysAndImagesAsync();
        var approved = await ApprovedDraftAsync(SamplePdfs.WithText("Số:        /QĐ-UBND"));
        var fields = new
        {
            number = new { page = 1, x = 100, y = 760, width = 40, height = 16 },
            date = new { page = 1, x = 330, y = 760, width = 230, height = 16 },
            signer = new { page = 1, x = 340, y = 120, width = 142, height = 85 },
            organisation = new { page = 1, x = 285, y = 112, width = 102, height = 102 },
            place = "Hà Nội",
        };
        var fielded = await (await Drafter.PostJsonAsync($"/api/v1/documents/{approved.Id}/fields", fields, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        var signed = await (await SignAsync(fielded)).ShouldBeJsonAsync<DocumentResponse>();
        var issued = await (await IssueAsync(signed)).ShouldBeJsonAsync<DocumentResponse>();

        var document = PdfDocument.Open(new MemoryStream(await ContentAsync(issued)));
        ((PdfString)document.Fields.Single(f => f.FullName == "number").Value!).ToText().ShouldBe("01");
        ((PdfString)document.Fields.Single(f => f.FullName == "date").Value!).ToText().ShouldStartWith("Hà Nội, ngày ");
    }

    [Fact]
    public async Task Uploaded_pdf_without_issue_fields_cannot_be_signed()
    {
        await ProvisionKeysAndImagesAsync();
        var approved = await ApprovedDraftAsync(SamplePdfs.WithText("No fields here"));

        await (await SignAsync(approved)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.field_missing");
    }

    [Fact]
    public async Task A_refused_issue_gives_its_register_number_back()
    {
        await ProvisionKeysAndImagesAsync();
        var first = await ApprovedDraftAsync();
        var second = await ApprovedDraftAsync();
        var signedFirst = await (await SignAsync(first)).ShouldBeJsonAsync<DocumentResponse>();
        var signedSecond = await (await SignAsync(second)).ShouldBeJsonAsync<DocumentResponse>();

        await (await Clerk.PostActionAsync($"/api/v1/documents/{signedFirst.Id}/issue", "\"999\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        var issued = await (await IssueAsync(signedSecond)).ShouldBeJsonAsync<DocumentResponse>();

        issued.CodeNumber.ShouldBe(1);
        (await (await IssueAsync(signedFirst)).ShouldBeJsonAsync<DocumentResponse>()).CodeNumber.ShouldBe(2);
    }

    [Fact]
    public async Task Only_clerks_issue_and_only_signers_sign()
    {
        await ProvisionKeysAndImagesAsync();
        var approved = await ApprovedDraftAsync();

        await (await Drafter.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { }, $"\"{approved.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor("auditor", _organ, ["auditor"]).PostActionAsync($"/api/v1/documents/{approved.Id}/issue", $"\"{approved.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Key_list_shows_certificate_details_and_never_key_material()
    {
        await ProvisionKeysAndImagesAsync();

        var response = await Admin.GetAsync("/api/v1/admin/keys", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var keys = await response.ShouldBeJsonAsync<List<KeyResponse>>();

        keys.Count.ShouldBe(2);
        keys.ShouldContain(k => k.OwnerId == "chutich" && k.Subject.Contains("Nguyễn Văn An") && k.KeyAlgorithm == "RSA-2048");
        body.ShouldNotContain("sealed", Case.Insensitive);
        body.ShouldNotContain("password", Case.Insensitive);
        body.ShouldNotContain("MII"); // no base64 DER of any kind
    }

    [Fact]
    public async Task Pkcs12_with_a_wrong_password_is_refused_without_echoing_it()
    {
        var response = await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chutich", "not-the-password"), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "key.invalid_pkcs12");
        problem.ToString().ShouldNotContain("not-the-password");
    }

    [Fact]
    public async Task Keys_and_images_are_for_admins_only()
    {
        await (await Drafter.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chuyenvien"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await Drafter.GetAsync("/api/v1/admin/keys", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Images_must_be_transparent_pngs()
    {
        await (await Admin.PutAsync("/api/v1/admin/images/User/chutich/Signature", TestForms.Png("GIF89a not a png"u8.ToArray()), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "image.not_png");
        await (await Admin.PutAsync("/api/v1/admin/images/User/chutich/Signature", TestForms.Png(OpaqueRgb()), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "image.not_transparent");
        (await Admin.PutAsync("/api/v1/admin/images/User/chutich/Signature", TestForms.Png(DevImages.Signature()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // An RGB PNG (colour type 2) without tRNS: the same encoder with the header's colour type changed.
    static byte[] OpaqueRgb()
    {
        var png = PngWriter.Encode(2, 2, (_, _) => ((byte)0, (byte)0, (byte)0, (byte)255));
        png[25] = 2;
        return png;
    }
}

public sealed class SigningFlowOnSqliteTests(SqliteApi api) : SigningFlowTests(api), IClassFixture<SqliteApi>;

[Trait("Category", "Postgres")]
public sealed class SigningFlowOnPostgresTests(PostgresApi api) : SigningFlowTests(api), IClassFixture<PostgresApi>;
