using System.Net;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Errors;

/// <summary>ProblemDetails speak the caller's language (Accept-Language), the code stays the same.</summary>
public sealed class ProblemLanguageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    readonly string _organ = TestOrgans.New();

    async Task<HttpResponseMessage> MissingDocumentAsync(string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{Guid.NewGuid()}");
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await api.ClientFor(_organ, "drafter").SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("vi")]
    [InlineData("en;q=0.5, vi-VN;q=0.9")]
    public async Task Vietnamese_callers_get_a_vietnamese_title_and_detail_with_the_same_code(string acceptLanguage)
    {
        var response = await MissingDocumentAsync(acceptLanguage);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        problem.GetProperty("title").GetString().ShouldBe("Không tìm thấy tài nguyên.");
        problem.GetProperty("detail").GetString().ShouldBe("Không tìm thấy tài nguyên.");
        response.Content.Headers.ContentLanguage.ShouldBe(["vi"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    [InlineData("vi;q=0.2, en;q=0.8")]
    public async Task Everyone_else_gets_english(string? acceptLanguage)
    {
        var problem = await (await MissingDocumentAsync(acceptLanguage)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");

        problem.GetProperty("title").GetString()!.ShouldNotContain("Không");
        problem.TryGetProperty("detailEn", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_vietnamese_validation_error_keeps_the_english_specifics_beside_it()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/documents?pageSize=1000");
        request.Headers.TryAddWithoutValidation("Accept-Language", "vi-VN");

        var problem = await (await api.ClientFor(_organ, "drafter").SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("title").GetString().ShouldBe("Yêu cầu có trường dữ liệu không hợp lệ.");
        problem.GetProperty("detailEn").GetString()!.ShouldContain("pageSize");
        problem.GetProperty("errors").TryGetProperty("pageSize", out _).ShouldBeTrue();
    }
}
