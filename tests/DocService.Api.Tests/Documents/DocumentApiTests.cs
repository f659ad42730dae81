using System.Net;
using System.Security.Cryptography;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Documents;

/// <summary>The document endpoints end to end over HTTP; run once per database provider.</summary>
public abstract class DocumentApiTests(ApiFactory api)
{
    protected readonly string Organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Drafter => api.ClientFor("drafter.one", Organ, ["drafter"]);
    HttpClient Signer => api.ClientFor("signer.one", Organ, ["signer"]);

    async Task<DocumentResponse> UploadAsync(HttpClient client, byte[]? pdf = null, string subject = "V/v thử nghiệm hệ thống")
    {
        var response = await client.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(pdf ?? SamplePdfs.WithText("Hello"), subject: subject), Ct);
        return await response.ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Uploaded_pdf_becomes_revision_one_of_a_draft_and_downloads_byte_for_byte()
    {
        var pdf = SamplePdfs.WithText("Quyet dinh so 01");

        var document = await UploadAsync(Drafter, pdf);

        document.Status.ShouldBe(DocumentStatus.Draft);
        document.OrganId.ShouldBe(Organ);
        document.Revisions.Count.ShouldBe(1);
        document.Revisions[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        document.Revisions[0].Size.ShouldBe(pdf.Length);

        var current = await Drafter.GetAsync($"/api/v1/documents/{document.Id}/content", Ct);
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        current.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await current.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(pdf);

        var first = await Drafter.GetAsync($"/api/v1/documents/{document.Id}/revisions/1/content", Ct);
        (await first.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(pdf);
    }

    [Fact]
    public async Task Vietnamese_metadata_round_trips_exactly()
    {
        var document = await UploadAsync(Drafter, subject: "Về việc triển khai chữ ký số trong cơ quan nhà nước");

        var fetched = await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();

        fetched.Subject.ShouldBe("Về việc triển khai chữ ký số trong cơ quan nhà nước");
        fetched.TypeName.ShouldBe("Công văn");
    }

    [Fact]
    public async Task Full_review_cycle_moves_through_the_lifecycle_with_etags()
    {
        var document = await UploadAsync(Drafter);

        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        submitted.Status.ShouldBe(DocumentStatus.InReview);

        var rejected = await (await Signer.PostJsonAsync($"/api/v1/documents/{document.Id}/reject", new { comment = "Sửa trích yếu" }, $"\"{submitted.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        rejected.Status.ShouldBe(DocumentStatus.Draft);
        rejected.ReviewComment.ShouldBe("Sửa trích yếu");

        var resubmitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{rejected.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        var approved = await Signer.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{resubmitted.Version}\"");

        var body = await approved.ShouldBeJsonAsync<DocumentResponse>();
        body.Status.ShouldBe(DocumentStatus.Approved);
        body.ReviewComment.ShouldBeNull();
        body.AllowedActions.ShouldBe([DocumentAction.Sign]);
        approved.Headers.ETag!.Tag.ShouldBe($"\"{body.Version}\"");
    }

    [Fact]
    public async Task Invalid_transition_answers_409_with_a_stable_code()
    {
        var document = await UploadAsync(Drafter);

        var response = await Signer.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{document.Version}\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.invalid_transition");
    }

    [Fact]
    public async Task Transition_without_if_match_answers_428_and_with_a_stale_one_412()
    {
        var document = await UploadAsync(Drafter);

        await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", null))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition.required");
        await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", "\"999\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");

        var unchanged = await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Status.ShouldBe(DocumentStatus.Draft);
    }

    [Fact]
    public async Task Concurrent_transitions_with_the_same_etag_let_exactly_one_win()
    {
        var document = await UploadAsync(Drafter);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        attempts.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r =>
            r.StatusCode == HttpStatusCode.PreconditionFailed || r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reject_needs_a_comment()
    {
        var document = await UploadAsync(Drafter);
        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        var problem = await (await Signer.PostJsonAsync($"/api/v1/documents/{document.Id}/reject", new { comment = "  " }, $"\"{submitted.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").TryGetProperty("comment", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Get_answers_304_when_the_client_already_has_the_current_version()
    {
        var document = await UploadAsync(Drafter);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{document.Id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{document.Version}\"");

        var response = await Drafter.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task List_pages_and_filters_by_status_type_and_text()
    {
        var first = await UploadAsync(Drafter, subject: "Kế hoạch chuyển đổi số năm 2027");
        await UploadAsync(Drafter, subject: "Báo cáo tổng kết");
        await UploadAsync(Drafter, subject: "Kế hoạch phòng chống thiên tai");
        await Drafter.PostActionAsync($"/api/v1/documents/{first.Id}/submit", $"\"{first.Version}\"");

        var page = await (await Drafter.GetAsync("/api/v1/documents?page=1&pageSize=2", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        page.Total.ShouldBe(3);
        page.Items.Count.ShouldBe(2);

        var second = await (await Drafter.GetAsync("/api/v1/documents?page=2&pageSize=2", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        second.Items.Count.ShouldBe(1);
        page.Items.Concat(second.Items).Select(i => i.Id).Distinct().Count().ShouldBe(3);

        var inReview = await (await Drafter.GetAsync("/api/v1/documents?status=InReview", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        inReview.Items.Single().Id.ShouldBe(first.Id);

        var plans = await (await Drafter.GetAsync($"/api/v1/documents?q={Uri.EscapeDataString("Kế hoạch")}", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        plans.Total.ShouldBe(2);

        var byType = await (await Drafter.GetAsync($"/api/v1/documents?type={Uri.EscapeDataString("Công văn")}", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        byType.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Page_size_over_100_is_a_validation_error()
    {
        var response = await Drafter.GetAsync("/api/v1/documents?pageSize=101", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem.GetProperty("errors").TryGetProperty("pageSize", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Another_organs_document_answers_404_like_a_missing_one()
    {
        var document = await UploadAsync(Drafter);
        var stranger = api.ClientFor("drafter.two", TestOrgans.New(), ["drafter", "signer"]);

        await (await stranger.GetAsync($"/api/v1/documents/{document.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await stranger.GetAsync($"/api/v1/documents/{document.Id}/content", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await stranger.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        (await (await stranger.GetAsync("/api/v1/documents", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_document_and_unknown_revision_answer_404()
    {
        var document = await UploadAsync(Drafter);

        await (await Drafter.GetAsync($"/api/v1/documents/{Guid.NewGuid()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/revisions/2/content", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
    }

    [Fact]
    public async Task Same_idempotency_key_returns_the_first_answer_and_creates_one_document()
    {
        var pdf = SamplePdfs.WithText("Idempotent");
        async Task<HttpResponseMessage> Post(byte[] bytes)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = SamplePdfs.UploadForm(bytes) };
            request.Headers.Add("Idempotency-Key", "upload-42");
            return await Drafter.SendAsync(request, Ct);
        }

        var first = await (await Post(pdf)).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var retry = await Post(pdf);
        var replayed = await retry.ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

        replayed.Id.ShouldBe(first.Id);
        retry.Headers.Location!.ToString().ShouldEndWith(first.Id.ToString());
        (await (await Drafter.GetAsync("/api/v1/documents", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>()).Total.ShouldBe(1);

        await (await Post(SamplePdfs.WithText("Something else"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
    }
}

public sealed class DocumentApiOnSqliteTests(SqliteApi api) : DocumentApiTests(api), IClassFixture<SqliteApi>;

[Trait("Category", "Postgres")]
public sealed class DocumentApiOnPostgresTests(PostgresApi api) : DocumentApiTests(api), IClassFixture<PostgresApi>;
