using System.Net;
using System.Net.Http.Headers;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;
using DocService.Drafting.Rendering;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Archive;

/// <summary>Takes documents of a fresh organ through draft → review → signature → issue over the API, and waits on their archive.</summary>
public sealed class IssuedDocuments(ApiFactory api, string? organ = null)
{
    public string Organ { get; } = organ ?? TestOrgans.New();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Drafter => api.ClientFor("chuyenvien", Organ, ["drafter"]);
    public HttpClient Leader => api.ClientFor("chutich", Organ, ["signer"]);
    public HttpClient Clerk => api.ClientFor("vanthu", Organ, ["clerk"]);
    public HttpClient Auditor => api.ClientFor("kiemtra", Organ, ["auditor"]);
    HttpClient Admin => api.ClientFor("admin", Organ, ["admin"]);

    public async Task ProvisionKeysAsync()
    {
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chutich"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("organisation.p12", "Organ", Organ), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Admin.PutAsync("/api/v1/admin/images/User/chutich/Signature", TestForms.Png(DevImages.Signature()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PutAsync($"/api/v1/admin/images/Organ/{Organ}/Seal", TestForms.Png(DevImages.Seal()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async Task<DocumentResponse> SignedAsync()
    {
        using var rendered = new MemoryStream();
        new DraftRenderer().Render(SampleDrafts.QuyetDinh(), rendered);
        var document = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(rendered.ToArray(), "Quyết định", "Về việc thành lập Tổ công tác"), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        var approved = await (await Leader.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        return await (await Leader.PostJsonAsync($"/api/v1/documents/{document.Id}/signatures", new { reason = "Phê duyệt" }, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
    }

    public async Task<DocumentResponse> IssueAsync(DocumentResponse signed) =>
        await (await Clerk.PostActionAsync($"/api/v1/documents/{signed.Id}/issue", $"\"{signed.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();

    public async Task<DocumentResponse> IssuedAsync() => await IssueAsync(await SignedAsync());

    public async Task<DocumentResponse> GetAsync(Guid id) =>
        await (await Drafter.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();

    /// <summary>Polls the document every 100 ms until <paramref name="done"/> holds; fails with the last answer after <paramref name="seconds"/>.</summary>
    public async Task<DocumentResponse> WaitForAsync(Guid id, Func<DocumentResponse, bool> done, int seconds = 60)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var document = await GetAsync(id);
            if (done(document))
                return document;
            if (DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"Document {id} did not get there within {seconds}s: {document.Status}, archive {System.Text.Json.JsonSerializer.Serialize(document.Archive)}");
            await Task.Delay(100, Ct);
        }
    }

    public Task<DocumentResponse> ArchivedAsync(Guid id, int seconds = 60) =>
        WaitForAsync(id, d => d.Archive?.Status == ArchiveStatus.Archived, seconds);

    public async Task<ArchiveManifest> ManifestAsync(Guid id) =>
        await (await Drafter.GetAsync($"/api/v1/documents/{id}/archive", Ct)).ShouldBeJsonAsync<ArchiveManifest>();

    public async Task<Features.Archive.CheckArchive.Report> CheckAsync(Guid id, HttpClient? client = null) =>
        await (await (client ?? Auditor).PostActionAsync($"/api/v1/documents/{id}/archive/check", null))
            .ShouldBeJsonAsync<Features.Archive.CheckArchive.Report>();
}
