using System.Net;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Drafting;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// The printed signer is the one who signs: a structured draft naming someone else is refused at signing; an uploaded
/// PDF's signer comes from the signature; a drafter writes only in their own organ's name.
/// </summary>
public abstract class PrintedSignerTests(ApiFactory api)
{
    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Admin => api.ClientFor("admin", _organ, ["admin"]);
    HttpClient Drafter => api.ClientFor("chuyenvien", _organ, ["drafter"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);

    async Task<DocumentResponse> ApprovedAsync(DocumentResponse document)
    {
        var submitted = await (await Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        return await (await Leader.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
    }

    async Task<DocumentResponse> DraftedAsync() =>
        await (await Drafter.PostJsonAsync("/api/v1/documents", DraftRequest.From(SampleDrafts.QuyetDinh()))).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

    Task<HttpResponseMessage> SignAsync(DocumentResponse approved) =>
        Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { }, $"\"{approved.Version}\"");

    [Fact]
    public async Task A_draft_printing_another_signer_is_not_signed_and_the_named_signer_signs_it()
    {
        // The sample prints Nguyễn Văn An; this leader's key is Trần Thị Bình's.
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa3072.p12", "User", "chutich"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var approved = await ApprovedAsync(await DraftedAsync());

        await (await SignAsync(approved)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.signer_mismatch");
        (await (await Leader.GetAsync($"/api/v1/documents/{approved.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>()).Status.ShouldBe(DocumentStatus.Approved);

        var other = TestOrgans.New();
        var leader = api.ClientFor("chutich", other, ["signer"]);
        (await api.ClientFor("admin", other, ["admin"]).PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chutich"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var drafter = api.ClientFor("chuyenvien", other, ["drafter"]);
        var drafted = await (await drafter.PostJsonAsync("/api/v1/documents", DraftRequest.From(SampleDrafts.QuyetDinh()))).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await drafter.PostActionAsync($"/api/v1/documents/{drafted.Id}/submit", $"\"{drafted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        var ready = await (await leader.PostActionAsync($"/api/v1/documents/{drafted.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        (await (await leader.PostJsonAsync($"/api/v1/documents/{ready.Id}/signatures", new { }, $"\"{ready.Version}\"")).ShouldBeJsonAsync<DocumentResponse>())
            .Status.ShouldBe(DocumentStatus.Signed);
    }

    [Fact]
    public async Task An_uploaded_pdf_takes_its_signer_from_the_signature()
    {
        (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa3072.p12", "User", "chutich"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var uploaded = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("Số:        /CV-UBND")), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var approved = await ApprovedAsync(uploaded);
        var fields = new
        {
            number = new { page = 1, x = 100, y = 760, width = 40, height = 16 },
            date = new { page = 1, x = 330, y = 760, width = 230, height = 16 },
            signer = new { page = 1, x = 340, y = 120, width = 142, height = 85 },
            organisation = new { page = 1, x = 285, y = 112, width = 102, height = 102 },
        };
        var fielded = await (await Drafter.PostJsonAsync($"/api/v1/documents/{approved.Id}/fields", fields, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        fielded.Signer.ShouldBeNull();

        var signed = await (await SignAsync(fielded)).ShouldBeJsonAsync<DocumentResponse>();

        signed.Signer.ShouldNotBeNull().FullName.ShouldBe("Trần Thị Bình");
    }

    [Fact]
    public async Task A_drafter_cannot_draft_in_another_organs_name()
    {
        var organ = TestOrgans.New();
        await api.RegisterOrganAsync(organ, "Sở Nội vụ tỉnh Nghệ An");
        var drafter = api.ClientFor("chuyenvien", organ, ["drafter"]);

        await (await drafter.PostJsonAsync("/api/v1/documents", DraftRequest.From(SampleDrafts.QuyetDinh())))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "draft.organ_mismatch");
        var own = DraftRequest.From(SampleDrafts.QuyetDinh()) with { Organ = new DraftOrgan("Sở Nội vụ tỉnh Nghệ An") };
        (await drafter.PostJsonAsync("/api/v1/documents", own)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class PrintedSignerOnSqliteTests(SqliteApi api) : PrintedSignerTests(api), IClassFixture<SqliteApi>;
