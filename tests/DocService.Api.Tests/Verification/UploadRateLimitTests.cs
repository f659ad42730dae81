using System.Net;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Verification;

/// <summary>Two uploads a minute per official: the third is refused with 429 and Retry-After, another official is not slowed.</summary>
public sealed class UploadRateLimitTests(UploadRateLimitTests.Api api) : IClassFixture<UploadRateLimitTests.Api>
{
    public sealed class Api : ApiFactory
    {
        public Api() : base(DatabaseProvider.Sqlite)
        {
            Settings["RateLimits:Uploads:PermitLimit"] = "2";
            Settings["RateLimits:Uploads:Window"] = "00:01:00";
        }
    }

    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<HttpResponseMessage> VerifyAsync(HttpClient client) =>
        await client.PostAsync("/api/v1/verifications", TestForms.File(SamplePdfs.WithText("x"), "x.pdf", "application/pdf"), Ct);

    [Fact]
    public async Task The_third_upload_in_a_minute_is_429_with_retry_after_and_another_official_is_not_limited()
    {
        var first = api.ClientFor("kiemtra1", _organ, ["auditor"]);
        (await VerifyAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await VerifyAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var refused = await VerifyAsync(first);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // The same user name in another organ is another official, and so is a colleague.
        (await VerifyAsync(api.ClientFor("kiemtra2", _organ, ["auditor"]))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await VerifyAsync(api.ClientFor("kiemtra1", TestOrgans.New(), ["auditor"]))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
