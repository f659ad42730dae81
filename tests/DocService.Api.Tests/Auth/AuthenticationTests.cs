using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.OpenApi;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;
using DocService.Api.Infrastructure.Images;
using Microsoft.AspNetCore.Hosting;

namespace DocService.Api.Tests.Auth;

/// <summary>What a token can and cannot get: a claim that names no organ, a token without roles, a wildcard precondition.</summary>
public sealed class AuthenticationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    readonly string _organ = TestOrgans.New();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Drafter => api.ClientFor("drafter.auth", _organ, ["drafter"]);

    static StringContent DraftJson() => new(
        """{"typeName":"Công văn","subject":"V/v thử nghiệm"}""", Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("not-an-organ")]
    [InlineData("000.00.00.H41'; DROP TABLE documents; --")]
    [InlineData("")]
    public async Task An_organ_claim_that_is_not_an_organ_code_is_refused_everywhere_never_500(string organ)
    {
        var client = api.ClientFor("mallory", organ.Length == 0 ? " " : organ, ["drafter", "signer", "clerk", "admin", "auditor"]);

        await (await client.GetAsync("/api/v1/documents", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.PostAsync("/api/v1/documents", DraftJson(), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("x")), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.PutAsync("/api/v1/admin/images/User/someone/Signature", TestForms.Png(DevImages.Signature()), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.PutAsJsonAsync($"/api/v1/signing-sessions/{Guid.NewGuid()}/signature", new { signatureValue = "AAAA" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.GetAsync("/api/v1/stats?from=2026-01-01&to=2026-12-31", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task A_token_with_no_role_reads_its_organ_but_changes_nothing()
    {
        var document = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("roleless")), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var roleless = api.ClientFor("no.role", _organ, []);
        var etag = $"\"{document.Version}\"";

        (await roleless.GetAsync($"/api/v1/documents/{document.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await roleless.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("x")), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await roleless.PostAsync("/api/v1/documents", DraftJson(), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var action in new[] { "submit", "approve", "reject", "issue", "signatures", "dispatch", "assignments", "fields" })
            (await roleless.PostJsonAsync($"/api/v1/documents/{document.Id}/{action}", new { }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, action);
        (await roleless.PostJsonAsync($"/api/v1/documents/{document.Id}/signing-sessions",
            new { step = "Approve", certificateChain = new[] { "AAAA" } }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var read in new[] { "/api/v1/admin/keys", "/api/v1/admin/jobs", "/api/v1/audit", "/api/v1/audit/verify", "/api/v1/registers/outgoing", "/api/v1/admin/trust-anchors" })
            (await roleless.GetAsync(read, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, read);
        (await roleless.PutAsync("/api/v1/admin/images/User/no.role/Signature", TestForms.Png(DevImages.Signature()), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await roleless.PostJsonAsync("/api/v1/admin/users", new { userName = "someone", roles = new[] { "admin" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task If_Match_star_is_refused_on_a_change()
    {
        var document = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("star")), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

        var problem = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", "*"))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition.required");

        problem.GetProperty("detail").GetString()!.ShouldContain("If-Match: *");
        (await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>()).Version.ShouldBe(document.Version);
    }
}

/// <summary>A Production host (tokens from an OIDC authority, never the development key) with and without Swagger configured.</summary>
public sealed class ProductionSwaggerTests
{
    sealed class ProductionApi(bool? swagger) : ApiFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            UseOidcAuthority(builder);
            if (swagger is { } enabled)
                builder.UseSetting(OpenApiSetup.EnabledSetting, enabled ? "true" : "false");
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_serves_no_swagger_unless_configured()
    {
        await using var api = new ProductionApi(swagger: null);
        var client = api.ClientWithToken(null);

        (await client.GetAsync("/swagger/index.html", Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await client.GetAsync(OpenApiSetup.DocumentPath, Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Production_serves_swagger_when_configured()
    {
        await using var api = new ProductionApi(swagger: true);

        (await api.ClientWithToken(null).GetAsync(OpenApiSetup.DocumentPath, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
