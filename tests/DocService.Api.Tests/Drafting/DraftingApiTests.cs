using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Drafting;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;
using DocService.Drafting.Model;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Keys;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Drafting;

/// <summary>Structured drafts rendered by the service, and issue fields added to uploaded PDFs; once per database provider.</summary>
public abstract class DraftingApiTests(ApiFactory api)
{
    static readonly string[] IssueFieldNames = ["number", "date", "signer", "organisation"];

    readonly string _organ = TestOrgans.New();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Drafter => api.ClientFor("drafter.one", _organ, ["drafter"]);
    HttpClient Clerk => api.ClientFor("clerk.one", _organ, ["clerk"]);
    HttpClient Signer => api.ClientFor("signer.one", _organ, ["signer"]);

    static string Json(Draft draft) => DraftJson.Serialize(DraftRequest.From(draft));

    /// <summary>The sample decision's JSON with one value changed, as a client editing it would send it.</summary>
    static string Changed(Draft draft, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Json(draft))!;
        change(node);
        return node.ToJsonString();
    }

    static HttpRequestMessage JsonRequest(HttpMethod method, string url, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    Task<HttpResponseMessage> PostDraftAsync(string json) => Drafter.SendAsync(JsonRequest(HttpMethod.Post, "/api/v1/documents", json), Ct);

    async Task<DocumentResponse> CreateAsync(Draft draft) =>
        await (await PostDraftAsync(Json(draft))).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

    async Task<DocumentResponse> UploadAsync(byte[] pdf) =>
        await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(pdf), Ct)).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

    async Task<byte[]> ContentAsync(Guid id, int? revision = null) =>
        await Drafter.GetByteArrayAsync(revision is { } n ? $"/api/v1/documents/{id}/revisions/{n}/content" : $"/api/v1/documents/{id}/content", Ct);

    static PdfDocument Open(byte[] pdf) => PdfDocument.Open(new MemoryStream(pdf, writable: false));

    static async Task<string> TextOfAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docservice-draft-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        try
        {
            var result = await ExternalTool.RunAsync("pdftotext", "-enc", "UTF-8", path, "-");
            result.ExitCode.ShouldBe(0, result.ToString());
            return Regex.Replace(result.Output, @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    static async Task<ToolResult> QpdfCheckAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docservice-fields-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        try
        {
            return await ExternalTool.RunAsync("qpdf", "--check", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    static object Area(int page, double x, double y, double width, double height) => new { page, x, y, width, height };

    static object IssueFieldsOnPageOne => new
    {
        number = Area(1, 100, 760, 40, 16),
        date = Area(1, 380, 760, 160, 16),
        signer = Area(1, 340, 120, 142, 85),
        organisation = Area(1, 285, 112, 102, 102),
    };

    [Fact]
    public async Task Json_draft_becomes_revision_one_with_the_four_fields_and_its_text()
    {
        var draft = SampleDrafts.QuyetDinh();

        var document = await CreateAsync(draft);

        document.Status.ShouldBe(DocumentStatus.Draft);
        document.Revisions.ShouldHaveSingleItem().Reason.ShouldBe("Rendered from a draft");
        var pdf = await ContentAsync(document.Id);
        Open(pdf).Fields.Select(f => f.FullName).ShouldBe(IssueFieldNames, ignoreOrder: true);
        Open(pdf).Fields.ShouldAllBe(f => f.Value == null);
        (await TextOfAsync(pdf)).ShouldContain(draft.Subject);
    }

    [Fact]
    public async Task Document_metadata_is_read_from_the_draft()
    {
        var decision = await CreateAsync(SampleDrafts.QuyetDinh());
        var letter = await CreateAsync(SampleDrafts.CongVan());

        decision.TypeName.ShouldBe("Quyết định");
        decision.Subject.ShouldBe(SampleDrafts.QuyetDinh().Subject);
        decision.CodeNotation.ShouldBe("QĐ-UBND");
        decision.Signer.ShouldBe(new SignerResponse("TM. ỦY BAN NHÂN DÂN", "Chủ tịch", "Nguyễn Văn An"));
        decision.Priority.ShouldBe(Priority.Normal);
        decision.ToPlaces!.Split('\n').ShouldBe([
            "- Như Điều 3;", "- Bộ Nội vụ (để b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (để b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
            "- Cổng thông tin điện tử tỉnh;", "- Lưu: VT, NC."]);

        letter.TypeName.ShouldBe("Công văn");
        letter.CodeNotation.ShouldBe("SNV-VTLT");
        letter.Priority.ShouldBe(Priority.Urgent, "khẩn");
        letter.Signer!.Competence.ShouldBe("KT. GIÁM ĐỐC");
    }

    [Fact]
    public async Task The_kept_draft_comes_back_with_the_documents_etag()
    {
        var document = await CreateAsync(SampleDrafts.CongVan());

        var response = await Drafter.GetAsync($"/api/v1/documents/{document.Id}/draft", Ct);

        var draft = await response.ShouldBeJsonAsync<DraftRequest>();
        response.Headers.ETag!.Tag.ShouldBe($"\"{document.Version}\"");
        draft.ToDraft().Subject.ShouldBe(SampleDrafts.CongVan().Subject);
        draft.Recipients!.Addressees.ShouldBe(SampleDrafts.CongVan().Recipients.Addressees);
    }

    [Fact]
    public async Task An_uploaded_pdf_has_no_draft_to_get()
    {
        var document = await UploadAsync(SamplePdfs.WithText("Uploaded"));

        await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/draft", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "document.no_draft");
    }

    [Fact]
    public async Task Redraft_renders_revision_two_and_changes_the_metadata()
    {
        var document = await CreateAsync(SampleDrafts.QuyetDinh());
        const string subject = "Về việc kiện toàn Tổ công tác triển khai văn bản điện tử";
        var json = Changed(SampleDrafts.QuyetDinh(), d => { d["subject"] = subject; d["urgency"] = "VeryUrgent"; });

        var response = await Drafter.SendAsync(JsonRequest(HttpMethod.Put, $"/api/v1/documents/{document.Id}/draft", json, $"\"{document.Version}\""), Ct);

        var redrafted = await response.ShouldBeJsonAsync<DocumentResponse>();
        response.Headers.ETag!.Tag.ShouldBe($"\"{redrafted.Version}\"");
        redrafted.Status.ShouldBe(DocumentStatus.Draft);
        redrafted.Subject.ShouldBe(subject);
        redrafted.Priority.ShouldBe(Priority.VeryUrgent);
        redrafted.Revisions.Select(r => r.Number).ShouldBe([1, 2]);
        redrafted.Revisions[1].Reason.ShouldBe("Redrafted");
        (await TextOfAsync(await ContentAsync(document.Id))).ShouldContain(subject);
        (await TextOfAsync(await ContentAsync(document.Id, 1))).ShouldNotContain(subject);
        var kept = await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/draft", Ct)).ShouldBeJsonAsync<DraftRequest>();
        kept.Subject.ShouldBe(subject);
    }

    [Fact]
    public async Task Redraft_needs_the_current_etag()
    {
        var document = await CreateAsync(SampleDrafts.QuyetDinh());
        var url = $"/api/v1/documents/{document.Id}/draft";

        await (await Drafter.SendAsync(JsonRequest(HttpMethod.Put, url, Json(SampleDrafts.QuyetDinh())), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition.required");
        await (await Drafter.SendAsync(JsonRequest(HttpMethod.Put, url, Json(SampleDrafts.QuyetDinh()), "\"999\""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
    }

    [Fact]
    public async Task Redraft_after_submit_is_an_invalid_transition_and_stores_nothing()
    {
        var document = await CreateAsync(SampleDrafts.QuyetDinh());
        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        var response = await Drafter.SendAsync(
            JsonRequest(HttpMethod.Put, $"/api/v1/documents/{document.Id}/draft", Json(SampleDrafts.CongVan()), $"\"{submitted.Version}\""), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.invalid_transition");
        var unchanged = await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Revisions.Count.ShouldBe(1);
        unchanged.TypeName.ShouldBe("Quyết định");
    }

    [Fact]
    public async Task A_missing_subject_is_a_validation_error_naming_it()
    {
        var response = await PostDraftAsync(Changed(SampleDrafts.QuyetDinh(), d => d.AsObject().Remove("subject")));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem.GetProperty("errors").GetProperty("subject")[0].GetString().ShouldBe("is required");
    }

    [Theory]
    [InlineData("signer.fullName")]
    [InlineData("body.articles[1].paragraphs")]
    [InlineData("notation")]
    [InlineData("type")]
    [InlineData("signer.authority[0].competence")]
    public async Task A_bad_field_is_a_validation_error_under_its_json_path(string path)
    {
        var json = Changed(SampleDrafts.QuyetDinh(), d =>
        {
            switch (path)
            {
                case "signer.fullName": d["signer"]!["fullName"] = "   "; break;
                case "body.articles[1].paragraphs": d["body"]!["articles"]![1]!["paragraphs"] = new JsonArray(); break;
                case "notation": d["notation"] = "QĐ UBND"; break;
                case "type": d.AsObject().Remove("type"); break;
                case "signer.authority[0].competence": d["signer"]!["authority"]![0]!.AsObject().Remove("competence"); break;
            }
        });

        var problem = await (await PostDraftAsync(json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([path]);
        (await (await Drafter.GetAsync("/api/v1/documents", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_decision_body_on_a_letter_is_refused_under_body()
    {
        var json = Changed(SampleDrafts.CongVan(), d => d["body"] = JsonNode.Parse(Json(SampleDrafts.QuyetDinh()))!["body"]!.DeepClone());

        var problem = await (await PostDraftAsync(json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Unknown_members_and_enum_values_are_malformed_json()
    {
        await (await PostDraftAsync(Changed(SampleDrafts.QuyetDinh(), d => d["number"] = "15")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await PostDraftAsync(Changed(SampleDrafts.QuyetDinh(), d => d["type"] = "NghiQuyetBiMat")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed_json");
    }

    [Fact]
    public async Task The_content_type_picks_the_endpoint_and_anything_else_is_415()
    {
        var uploaded = await UploadAsync(SamplePdfs.WithText("Multipart"));
        var drafted = await CreateAsync(SampleDrafts.CongVan());

        uploaded.Revisions[0].Reason.ShouldBe("Uploaded");
        drafted.Revisions[0].Reason.ShouldBe("Rendered from a draft");
        var text = await Drafter.PostAsync("/api/v1/documents", new StringContent("Công văn", Encoding.UTF8, "text/plain"), Ct);
        await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Only_drafters_create_drafts()
    {
        var response = await Clerk.SendAsync(JsonRequest(HttpMethod.Post, "/api/v1/documents", Json(SampleDrafts.CongVan())), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_draft_document()
    {
        async Task<HttpResponseMessage> Post(Draft draft)
        {
            var request = JsonRequest(HttpMethod.Post, "/api/v1/documents", Json(draft));
            request.Headers.Add("Idempotency-Key", "draft-7");
            return await Drafter.SendAsync(request, Ct);
        }

        var created = await Post(SampleDrafts.CongVan());
        var first = await created.ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var retry = await Post(SampleDrafts.CongVan());

        (await retry.ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created)).Id.ShouldBe(first.Id);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        // The retry is the first answer again, headers included: a client that lost it still gets the ETag to change the document with.
        retry.Headers.ETag.ShouldNotBeNull().ShouldBe(created.Headers.ETag);
        retry.Headers.Location.ShouldBe(created.Headers.Location);
        (await (await Drafter.GetAsync("/api/v1/documents", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>()).Total.ShouldBe(1);
        await (await Post(SampleDrafts.QuyetDinh())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
    }

    [Fact]
    public async Task Uploaded_pdf_gets_the_issue_fields_in_revision_two_by_an_incremental_update()
    {
        var original = SamplePdfs.WithText("Quyet dinh soan bang Word");
        var document = await UploadAsync(original);

        var response = await Drafter.PostJsonAsync($"/api/v1/documents/{document.Id}/fields", IssueFieldsOnPageOne, $"\"{document.Version}\"");

        var fielded = await response.ShouldBeJsonAsync<DocumentResponse>();
        fielded.Revisions.Select(r => r.Number).ShouldBe([1, 2]);
        fielded.Revisions[1].Reason.ShouldBe("Issue fields added");
        var pdf = await ContentAsync(document.Id);
        pdf.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue("revision 1 is a byte-exact prefix of revision 2");
        var reopened = Open(pdf);
        reopened.Revisions.Count.ShouldBe(2);
        var fields = reopened.Fields.ToDictionary(f => f.FullName);
        fields.Keys.ShouldBe(IssueFieldNames);
        (fields["number"].FieldType, fields["date"].FieldType, fields["signer"].FieldType, fields["organisation"].FieldType).ShouldBe(("Tx", "Tx", "Sig", "Sig"));
        fields["date"].Widgets.ShouldHaveSingleItem().Rect.ShouldBe(new PdfRectangle(380, 760, 540, 776));
        var check = await QpdfCheckAsync(pdf);
        check.ExitCode.ShouldBe(0, check.ToString());
    }

    [Fact]
    public async Task A_clerk_may_add_the_fields_and_a_signer_may_not()
    {
        var document = await UploadAsync(SamplePdfs.WithText("Van thu"));

        (await Signer.PostJsonAsync($"/api/v1/documents/{document.Id}/fields", IssueFieldsOnPageOne, $"\"{document.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Clerk.PostJsonAsync($"/api/v1/documents/{document.Id}/fields", IssueFieldsOnPageOne, $"\"{document.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Fields_are_refused_where_they_exist_already()
    {
        var drafted = await CreateAsync(SampleDrafts.QuyetDinh());
        var uploaded = await UploadAsync(SamplePdfs.WithText("Twice"));
        var fielded = await (await Drafter.PostJsonAsync($"/api/v1/documents/{uploaded.Id}/fields", IssueFieldsOnPageOne, $"\"{uploaded.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        await (await Drafter.PostJsonAsync($"/api/v1/documents/{drafted.Id}/fields", IssueFieldsOnPageOne, $"\"{drafted.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.fields_exist");
        await (await Drafter.PostJsonAsync($"/api/v1/documents/{uploaded.Id}/fields", IssueFieldsOnPageOne, $"\"{fielded.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.fields_exist");
    }

    [Fact]
    public async Task Fields_are_refused_on_a_signed_pdf()
    {
        var signed = await SignAsync(SamplePdfs.WithText("Da ky"));
        var document = await UploadAsync(signed);

        var response = await Drafter.PostJsonAsync($"/api/v1/documents/{document.Id}/fields", IssueFieldsOnPageOne, $"\"{document.Version}\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.already_signed");
        (await ContentAsync(document.Id)).ShouldBe(signed);
    }

    [Fact]
    public async Task A_missing_field_a_missing_page_and_a_rectangle_off_the_page_are_validation_errors()
    {
        var document = await UploadAsync(SamplePdfs.WithText("Bad places"));
        var url = $"/api/v1/documents/{document.Id}/fields";
        var etag = $"\"{document.Version}\"";

        var missing = await (await Drafter.PostJsonAsync(url, new { number = Area(1, 100, 760, 40, 16) }, etag))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        missing.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["date", "signer", "organisation"], ignoreOrder: true);

        var page = await (await Drafter.PostJsonAsync(url, new
        {
            number = Area(1, 100, 760, 40, 16),
            date = Area(1, 380, 760, 160, 16),
            signer = Area(2, 340, 120, 142, 85),
            organisation = Area(1, 285, 112, 102, 102),
        }, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        page.GetProperty("errors").TryGetProperty("signer.page", out _).ShouldBeTrue();

        var outside = await (await Drafter.PostJsonAsync(url, new
        {
            number = Area(1, 100, 760, 40, 16),
            date = Area(1, 500, 760, 160, 16),
            signer = Area(1, 340, 120, 142, 85),
            organisation = Area(1, 285, 112, 102, 102),
        }, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        outside.GetProperty("errors").TryGetProperty("date", out _).ShouldBeTrue();

        (await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>()).Revisions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_added_signer_field_is_signed_in_place_by_a_certification_that_pdfsig_accepts()
    {
        var document = await UploadAsync(SamplePdfs.WithText("Ky so"));
        await (await Drafter.PostJsonAsync($"/api/v1/documents/{document.Id}/fields", IssueFieldsOnPageOne, $"\"{document.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        var signed = await SignAsync(await ContentAsync(document.Id), "signer", DocMdpPermission.FormFillingAndSigning);

        var signer = Open(signed).Fields.Single(f => f.FullName == "signer");
        signer.IsSigned.ShouldBeTrue();
        signer.Widgets.ShouldHaveSingleItem().Rect.ShouldBe(new PdfRectangle(340, 120, 482, 205));
        var path = Path.Combine(Path.GetTempPath(), $"docservice-signed-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, signed, Ct);
        try
        {
            var pdfsig = await ExternalTool.RunAsync("pdfsig", "-nocert", path);
            pdfsig.Output.ShouldContain("Signature is Valid", customMessage: pdfsig.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Signs with the development PKI's official key: a new invisible field, or an existing empty one.</summary>
    static async Task<byte[]> SignAsync(byte[] pdf, string field = "Chữ ký", DocMdpPermission? certify = null)
    {
        using var key = Pkcs12Signer.Open(Path.Combine(RepositoryRoot.Path, "certs-dev", "official-rsa2048.p12"), "dev-password");
        using var output = new MemoryStream();
        await new PadesSigner(new CmsSignatureBuilder(TimeProvider.System))
            .SignAsync(new MemoryStream(pdf), output, key, new PadesSignatureOptions { FieldName = field, Certify = certify }, Ct);
        return output.ToArray();
    }
}

public sealed class DraftingApiOnSqliteTests(SqliteApi api) : DraftingApiTests(api), IClassFixture<SqliteApi>;

[Trait("Category", "Postgres")]
public sealed class DraftingApiOnPostgresTests(PostgresApi api) : DraftingApiTests(api), IClassFixture<PostgresApi>;
