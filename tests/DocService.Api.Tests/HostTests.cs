using System.Net;
using System.Text.Json;
using DocService.Api.Infrastructure.OpenApi;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests;

public sealed class HostTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_and_ready_probes_answer_without_a_token()
    {
        var client = api.ClientWithToken(null);

        (await client.GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready", Ct);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await api.ClientWithToken(null).GetAsync("/swagger/index.html", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("swagger-ui");
    }

    [Fact]
    public async Task OpenApi_document_is_3_1_declares_bearer_and_enum_strings()
    {
        var json = JsonDocument.Parse(await api.ClientWithToken(null).GetStringAsync(OpenApiSetup.DocumentPath, Ct)).RootElement;

        json.GetProperty("openapi").GetString()!.ShouldStartWith("3.1");
        json.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        json.GetProperty("paths").TryGetProperty("/api/v1/documents/{id}/submit", out _).ShouldBeTrue();
        var status = json.GetProperty("components").GetProperty("schemas").EnumerateObject().First(s => s.Name.EndsWith("DocumentStatus"));
        status.Value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain("InReview");
    }

    /// <summary>
    /// api-spec/openapi.json is the contract clients build against; a change to the API must change
    /// it in the same commit. Regenerate: DOCSERVICE_UPDATE_OPENAPI=1 dotnet test --filter Checked_in_openapi
    /// </summary>
    [Fact]
    public async Task Checked_in_openapi_document_matches_the_running_service()
    {
        var live = (await api.ClientWithToken(null).GetStringAsync(OpenApiSetup.DocumentPath, Ct)).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot.Path, "api-spec", "openapi.json");

        if (Environment.GetEnvironmentVariable("DOCSERVICE_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(path, live, Ct);

        File.Exists(path).ShouldBeTrue("api-spec/openapi.json is missing; regenerate it (see README).");
        (await File.ReadAllTextAsync(path, Ct)).ShouldBe(live, "api-spec/openapi.json is out of date; regenerate it (see README).");
    }
}
