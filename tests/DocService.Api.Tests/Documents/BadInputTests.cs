using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Documents;

/// <summary>Every kind of bad request gets its 4xx ProblemDetails, and nothing is stored.</summary>
public sealed class BadInputTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;
    HttpClient Drafter => api.ClientFor("drafter.bad", _organ, ["drafter", "signer"]);

    async Task NothingStoredAsync()
    {
        var list = await (await Drafter.GetAsync("/api/v1/documents", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        list.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Upload_that_is_not_a_pdf_is_refused_with_415()
    {
        var response = await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(Encoding.UTF8.GetBytes("<html>not a pdf</html>")), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "document.not_pdf");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Upload_over_the_size_limit_is_refused_with_413()
    {
        var big = SamplePdfs.WithText(new string('x', (int)ApiFactory.MaxUploadBytes + 1000));

        var response = await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(big), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document.too_large");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Upload_far_over_the_limit_is_cut_off_by_the_request_limit()
    {
        var huge = SamplePdfs.WithText(new string('x', 4 * (int)ApiFactory.MaxUploadBytes));
        // Waiting for "100 Continue" lets the server refuse before the body is sent, as a careful
        // client would; otherwise the refusal can race the upload and surface as a broken pipe.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = SamplePdfs.UploadForm(huge) };
        request.Headers.ExpectContinue = true;

        var response = await Drafter.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Upload_without_a_file_part_names_the_missing_field()
    {
        var form = new MultipartFormDataContent { { new StringContent("Công văn"), "typeName" }, { new StringContent("V/v"), "subject" } };

        var problem = await (await Drafter.PostAsync("/api/v1/documents", form, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Upload_without_subject_names_the_missing_field()
    {
        var form = SamplePdfs.UploadForm(SamplePdfs.WithText("x"), subject: "");

        var problem = await (await Drafter.PostAsync("/api/v1/documents", form, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").TryGetProperty("subject", out _).ShouldBeTrue();
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Create_in_a_content_type_that_is_neither_multipart_nor_json_is_refused_with_415()
    {
        var response = await Drafter.PostAsync("/api/v1/documents", new StringContent("<document/>", Encoding.UTF8, "application/xml"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_so()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{Guid.NewGuid()}/reject")
        {
            Content = new StringContent("{\"comment\": ", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await (await Drafter.SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed_json");
    }

    [Fact]
    public async Task Unknown_json_field_is_a_400_naming_the_field()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{Guid.NewGuid()}/reject")
        {
            Content = new StringContent("{\"comment\": \"x\", \"approveAnyway\": true}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var problem = await (await Drafter.SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed_json");

        problem.GetProperty("detail").GetString()!.ShouldContain("approveAnyway");
    }

    [Fact]
    public async Task Json_body_over_the_request_limit_is_refused_with_413()
    {
        var huge = "{\"comment\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{Guid.NewGuid()}/reject")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await (await Drafter.SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task Malformed_id_in_the_route_is_not_found()
    {
        await (await Drafter.GetAsync("/api/v1/documents/not-a-guid", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
    }

    [Fact]
    public async Task Request_without_a_token_is_401()
    {
        var anonymous = api.ClientWithToken(null);

        await (await anonymous.GetAsync("/api/v1/documents", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var expired = new DevTokens(ApiFactory.SigningKey).Create("late", _organ, ["drafter"], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-2));

        await (await api.ClientWithToken(expired).GetAsync("/api/v1/documents", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_401()
    {
        var forged = new DevTokens(Convert.ToBase64String(new byte[48])).Create("mallory", _organ, ["admin", "drafter"], TimeSpan.FromMinutes(5));

        await (await api.ClientWithToken(forged).GetAsync("/api/v1/documents", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Token_without_an_organ_is_403()
    {
        var client = api.CreateClient();
        var token = new DevTokens(ApiFactory.SigningKey).Create("nobody", "", ["drafter"], TimeSpan.FromMinutes(5));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await (await client.GetAsync("/api/v1/documents", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Role_without_the_right_is_403()
    {
        var auditor = api.ClientFor("auditor.only", _organ, ["auditor"]);

        var response = await auditor.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("x")), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Corrupted_revision_is_reported_and_not_served()
    {
        var uploaded = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("intact")), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var data = Directory.GetFiles(Path.Combine(api.DataDirectory, "store", "objects"), "data", SearchOption.AllDirectories)
            .Single(f => f.Contains(uploaded.Id.ToString("N")));
        File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(data, "%PDF-1.7 tampered", Ct);

        var response = await Drafter.GetAsync($"/api/v1/documents/{uploaded.Id}/content", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "storage.object_corrupted");
        problem.ToString().ShouldNotContain("tampered");
    }
}
