using System.Net;
using System.Net.Http.Headers;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// The organisation key in an HSM: <c>Keys:Organs:{organ}:Pkcs11</c> points at the SoftHSM2 token the
/// test command prepares, the clerk issues through the ordinary endpoint, and pdfsig finds the seal
/// signature valid and made by the organisation's certificate.
/// </summary>
[Trait("Category", "Pkcs11")]
public sealed class Pkcs11SigningTests(Pkcs11SigningTests.HsmApi api) : IClassFixture<Pkcs11SigningTests.HsmApi>, IDisposable
{
    public const string Organ = "000.00.77.H41";

    /// <summary>SQLite host whose organ <see cref="Organ"/> keeps its key on the token.</summary>
    public sealed class HsmApi() : SigningApi(Api.Infrastructure.Persistence.DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"Keys:Organs:{Organ}:Pkcs11:Module", Environment.GetEnvironmentVariable("DOCSERVICE_PKCS11_MODULE") ?? "");
            builder.UseSetting($"Keys:Organs:{Organ}:Pkcs11:TokenLabel", Environment.GetEnvironmentVariable("DOCSERVICE_PKCS11_TOKEN") ?? "");
            builder.UseSetting($"Keys:Organs:{Organ}:Pkcs11:Pin", Environment.GetEnvironmentVariable("DOCSERVICE_PKCS11_PIN") ?? "");
            builder.UseSetting($"Keys:Organs:{Organ}:Pkcs11:KeyLabel", "organisation");
        }
    }

    readonly string _files = Directory.CreateTempSubdirectory("docservice-hsm-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_files, recursive: true);

    [Fact]
    public async Task The_clerk_issues_with_the_organisation_key_kept_in_the_hsm()
    {
        _ = SoftHsm.Module; // skips (or fails under the test command) without the token
        var admin = api.ClientFor("admin", Organ, ["admin"]);
        var leader = api.ClientFor("chutich", Organ, ["signer"]);
        await SigningSessionTests.ProvisionImagesAsync(admin);
        var key = new ByteArrayContent(File.ReadAllBytes(Path.Combine(DevPki.Directory, "official-rsa2048.p12")));
        key.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
        (await admin.PostAsync("/api/v1/admin/keys", new MultipartFormDataContent
        {
            { key, "file", "official-rsa2048.p12" }, { new StringContent(DevPki.Password), "password" },
            { new StringContent("User"), "ownerKind" }, { new StringContent("chutich"), "ownerId" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var approved = await SigningSessionTests.ApprovedDraftAsync(api.ClientFor("chuyenvien", Organ, ["drafter"]), leader);
        var signed = await (await leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { }, $"\"{approved.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();

        var issued = await (await api.ClientFor("vanthu", Organ, ["clerk"]).PostActionAsync($"/api/v1/documents/{signed.Id}/issue", $"\"{signed.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        issued.Status.ShouldBe(DocumentStatus.Issued);
        var path = Path.Combine(_files, "issued.pdf");
        await File.WriteAllBytesAsync(path, await (await leader.GetAsync($"/api/v1/documents/{issued.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct), Ct);
        (await Pdfsig.SignatureVerdictsAsync(path)).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
        var report = await Pdfsig.ReportWithDevelopmentRootAsync(path);
        report.ShouldContain("UBND tỉnh Nghệ An", Case.Sensitive, report);
    }
}
