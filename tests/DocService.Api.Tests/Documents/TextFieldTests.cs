using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocService.Api.Features.Drafting;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;

namespace DocService.Api.Tests.Documents;

/// <summary>Free text reaches the register, the PDF and the audit log alike, so every way in refuses the same characters.</summary>
public sealed class TextFieldTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    readonly string _organ = TestOrgans.New();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Drafter => api.ClientFor("drafter.text", _organ, ["drafter"]);
    HttpClient Clerk => api.ClientFor("clerk.text", _organ, ["clerk"]);
    HttpClient Admin => api.ClientFor("admin.text", _organ, ["admin"]);

    public static TheoryData<string> Hostile => new()
    {
        "V/v \u202Efdp.exe",        // right-to-left override
        "V/v \u2066isolated\u2069", // isolates
        "V/v ch\u200Fào",           // right-to-left mark
        "V/v \u0007bell",           // a control character
        "V/v \u001b[31mred",        // a terminal escape
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task An_upload_form_refuses_the_characters_a_json_draft_refuses(string subject)
    {
        var upload = await (await Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("x"), subject: subject), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        upload.GetProperty("errors").TryGetProperty("subject", out _).ShouldBeTrue(upload.ToString());

        var json = JsonNode.Parse(DraftJson.Serialize(DraftRequest.From(SampleDrafts.QuyetDinh())))!;
        json["subject"] = subject;
        var draft = await (await Drafter.PostAsync("/api/v1/documents", new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        draft.GetProperty("errors").TryGetProperty("subject", out _).ShouldBeTrue(draft.ToString());
    }

    [Fact]
    public async Task Type_name_and_notation_of_an_upload_are_checked_too()
    {
        var form = SamplePdfs.UploadForm(SamplePdfs.WithText("x"), typeName: "Quyết\u202E định");
        form.Add(new StringContent("QĐ-\u0000UBND"), "codeNotation");

        var problem = await (await Drafter.PostAsync("/api/v1/documents", form, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").TryGetProperty("typeName", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("codeNotation", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_arrival_refuses_a_sender_name_with_a_bidi_override()
    {
        var form = SamplePdfs.UploadForm(SamplePdfs.WithText("x"));
        form.Add(new StringContent("Sở \u202ETài chính"), "senderName");
        form.Add(new StringContent("Paper"), "receivedVia");

        var problem = await (await Clerk.PostAsync("/api/v1/incoming", form, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").TryGetProperty("senderName", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_owner_id_has_a_length_limit_for_keys_and_images()
    {
        var longId = new string('a', 5000);

        var key = await (await Admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", longId), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        key.GetProperty("errors").TryGetProperty("ownerId", out _).ShouldBeTrue();

        var image = await (await Admin.PutAsync($"/api/v1/admin/images/User/{longId[..1000]}/Signature", TestForms.Png(DevImages.Signature()), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        image.GetProperty("errors").TryGetProperty("ownerId", out _).ShouldBeTrue();
    }
}
