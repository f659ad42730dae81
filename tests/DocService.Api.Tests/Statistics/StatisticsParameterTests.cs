using System.Net;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Statistics;

/// <summary>A period that is missing or malformed is named in words a client understands, not as a C# parameter.</summary>
public sealed class StatisticsParameterTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    CancellationToken Ct => TestContext.Current.CancellationToken;
    HttpClient Clerk => api.ClientFor("clerk.stats", TestOrgans.New(), ["clerk"]);

    [Fact]
    public async Task Without_from_the_answer_names_the_parameter_and_its_format()
    {
        var problem = await (await Clerk.GetAsync("/api/v1/stats?to=2026-12-31", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");

        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldBe("The parameter 'from' is required (a date, yyyy-MM-dd); it is missing from the query string.");
        detail.ShouldNotContain("DateOnly");
    }

    [Fact]
    public async Task A_date_that_is_no_date_is_named_with_the_format_expected()
    {
        var problem = await (await Clerk.GetAsync("/api/v1/stats?from=yesterday&to=2026-12-31", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");

        problem.GetProperty("detail").GetString().ShouldBe("'yesterday' is not a valid value for 'from' (a date, yyyy-MM-dd).");
    }
}
