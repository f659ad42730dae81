using System.Net;
using System.Text;
using DocService.Api.Features.Documents;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Errors;

/// <summary>Input the outside probe answered with 500: each now gets its ProblemDetails with a stable code.</summary>
public sealed class NoServerErrorTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    readonly string _organ = TestOrgans.New();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Drafter => api.ClientFor("drafter.errors", _organ, ["drafter", "signer", "clerk"]);

    [Fact]
    public async Task Creating_a_document_without_a_content_type_is_415_not_an_ambiguous_route()
    {
        var bare = new ByteArrayContent(Encoding.UTF8.GetBytes("{}"));

        var problem = await (await Drafter.PostAsync("/api/v1/documents", bare, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");

        problem.GetProperty("detail").GetString()!.ShouldContain("multipart/form-data");
    }

    [Fact]
    public async Task Creating_a_document_with_an_empty_body_is_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents");

        await (await Drafter.SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-01")]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("9999-12-31", "9999-12-31")]
    public async Task Statistics_for_extreme_dates_are_a_validation_problem(string from, string to)
    {
        var problem = await (await Drafter.GetAsync($"/api/v1/stats?from={from}&to={to}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBeSubsetOf(["from", "to"]);
    }

    [Fact]
    public async Task Statistics_at_the_edges_of_the_accepted_days_still_answer()
    {
        (await Drafter.GetAsync("/api/v1/stats?from=1900-01-01&to=1900-12-31", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Drafter.GetAsync("/api/v1/stats?from=9998-01-01&to=9998-12-31", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_upload_with_a_pdf_header_that_does_not_parse_is_refused_at_upload()
    {
        var broken = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF at all\n");

        var problem = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(broken), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "document.unreadable_pdf");

        problem.GetProperty("detail").GetString()!.ShouldNotBeNullOrWhiteSpace();
        var list = await (await Drafter.GetAsync("/api/v1/documents", Ct)).ShouldBeJsonAsync<DocService.Api.Infrastructure.Http.PageOf<ListDocuments.Summary>>();
        list.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_request_line_too_long_is_414_problem_details()
    {
        var response = await Drafter.GetAsync("/api/v1/documents?q=" + new string('a', 12 * 1024), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "request.uri_too_long");
    }

    [Fact]
    public async Task Request_headers_too_large_are_431_problem_details()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/documents");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 40 * 1024));

        var response = await Drafter.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "request.headers_too_large");
    }
}
