using System.Net;
using System.Net.Http.Headers;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Timestamps;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;
using DocService.Drafting.Rendering;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Signing;

/// <summary>The API with the development TSA (served by the host itself at /api/v1/dev/tsa), or with the TSA down.</summary>
public class TimestampApi(DatabaseProvider provider, bool tsaDown) : ApiFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Timestamps:DevelopmentAuthority", "true");
        builder.UseSetting("Timestamps:Url", tsaDown ? "http://127.0.0.1:9/tsa" : "http://localhost/api/v1/dev/tsa");
        builder.UseSetting("Timestamps:Timeout", "00:00:03");
        if (!tsaDown)
        {
            // The TSA client reaches the host's own endpoint through the test server, as it would over the network.
            builder.ConfigureTestServices(services =>
                services.AddHttpClient(TimestampSetup.HttpClientName).AddHttpMessageHandler(sp => new ToOwnAddress(sp.GetRequiredService<IServer>())));
        }
    }

    /// <summary>Kestrel listens on a port chosen at start: requests to http://localhost/ go there.</summary>
    sealed class ToOwnAddress(IServer server) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var own = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = own.Host, Port = own.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed class SqliteTimestampApi() : TimestampApi(DatabaseProvider.Sqlite, tsaDown: false);
public sealed class PostgresTimestampApi() : TimestampApi(DatabaseProvider.Postgres, tsaDown: false);
public sealed class SqliteTsaDownApi() : TimestampApi(DatabaseProvider.Sqlite, tsaDown: true);

/// <summary>B-T by default once a TSA is configured, extension through the API, and a clear 503 when the TSA is down.</summary>
public abstract class TimestampedSigningTests(ApiFactory api) : IDisposable
{
    readonly string _organ = TestOrgans.New();
    readonly string _files = Directory.CreateTempSubdirectory("docservice-tst-").FullName;
    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The organ the test signs in (trust anchors are per organ).</summary>
    protected string Organ => _organ;

    HttpClient Admin => api.ClientFor("admin", _organ, ["admin"]);
    HttpClient Drafter => api.ClientFor("chuyenvien", _organ, ["drafter"]);
    protected HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);

    public void Dispose() => Directory.Delete(_files, recursive: true);

    protected async Task<DocumentResponse> ApprovedWithKeyAsync()
    {
        var file = new ByteArrayContent(File.ReadAllBytes(Path.Combine(DevPki.Directory, "official-rsa2048.p12")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
        var form = new MultipartFormDataContent
        {
            { file, "file", "official-rsa2048.p12" }, { new StringContent(DevPki.Password), "password" },
            { new StringContent("User"), "ownerKind" }, { new StringContent("chutich"), "ownerId" },
        };
        (await Admin.PostAsync("/api/v1/admin/keys", form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var rendered = new MemoryStream();
        new DraftRenderer().Render(SampleDrafts.QuyetDinh(), rendered);
        var document = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(rendered.ToArray(), "Quyết định", "Về việc lưu trữ"), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        return await (await Leader.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
    }

    protected async Task<SignatureValidationReport> ValidatedSignatureAsync(DocumentResponse document)
    {
        var pdf = await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var path = Path.Combine(_files, Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        (await Pdfsig.SignatureVerdictsAsync(path))[0].ShouldBe("Signature is Valid.");
        var report = await new PdfSignatureValidator(new ValidationOptions { TrustAnchors = [DevPki.Certificate("root")] })
            .ValidateAsync(new MemoryStream(pdf), Ct);
        return report.Signatures.First(s => s.Kind == SignatureKind.Signature);
    }
}

public abstract class TimestampedSigningWithTsaTests(ApiFactory api) : TimestampedSigningTests(api)
{
    [Fact]
    public async Task Signing_defaults_to_B_T_with_the_development_TSA()
    {
        var approved = await ApprovedWithKeyAsync();

        var signed = await (await Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { reason = "Phê duyệt" }, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        signed.Status.ShouldBe(DocumentStatus.Signed);
        var signature = await ValidatedSignatureAsync(signed);
        signature.Level.Reached.ShouldBe(LevelReached.BT, signature.Level.Reason.En);
        signature.Timestamps.SignatureTimestamp.ShouldNotBeNull().TsaName.ShouldBe("DocService Development TSA");
    }

    [Fact]
    public async Task A_B_B_signature_is_extended_to_B_T_as_a_new_revision()
    {
        var approved = await ApprovedWithKeyAsync();
        var signed = await (await Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { level = "B-B" }, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        (await ValidatedSignatureAsync(signed)).Level.Reached.ShouldBe(LevelReached.BB);

        var extended = await (await Leader.PostJsonAsync($"/api/v1/documents/{signed.Id}/extend", new { level = "B-T" }, $"\"{signed.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        extended.Revisions.Count.ShouldBe(signed.Revisions.Count + 1);
        extended.Status.ShouldBe(DocumentStatus.Signed);
        var signature = await ValidatedSignatureAsync(extended);
        signature.Level.Reached.ShouldBe(LevelReached.BT, signature.Level.Reason.En);
        signature.Timestamps.DocumentTimestamps.ShouldHaveSingleItem().Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Extending_to_B_B_is_a_validation_error()
    {
        var approved = await ApprovedWithKeyAsync();

        await (await Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/extend", new { level = "B-B" }, $"\"{approved.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}

public sealed class TimestampedSigningOnSqliteTests(SqliteTimestampApi api) : TimestampedSigningWithTsaTests(api), IClassFixture<SqliteTimestampApi>;

[Trait("Category", "Postgres")]
public sealed class TimestampedSigningOnPostgresTests(PostgresTimestampApi api) : TimestampedSigningWithTsaTests(api), IClassFixture<PostgresTimestampApi>;

public sealed class TsaDownTests(SqliteTsaDownApi api) : TimestampedSigningTests(api), IClassFixture<SqliteTsaDownApi>
{
    [Fact]
    public async Task Signing_at_B_T_with_the_TSA_down_is_a_503_and_the_document_is_unchanged()
    {
        var approved = await ApprovedWithKeyAsync();

        var problem = await (await Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { level = "B-T" }, $"\"{approved.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "timestamp.unavailable");

        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("unavailable");
        var unchanged = await (await Leader.GetAsync($"/api/v1/documents/{approved.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Status.ShouldBe(DocumentStatus.Approved);
        unchanged.Revisions.Count.ShouldBe(approved.Revisions.Count);
        unchanged.Version.ShouldBe(approved.Version);
    }
}
