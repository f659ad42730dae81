using System.Net;
using DocService.Api.Features.Audit;
using DocService.Api.Features.Verification;
using DocService.Api.Tests.Infrastructure;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;

namespace DocService.Api.Tests.Verification;

/// <summary>
/// Trust anchors per organ on top of a platform set: one organ's admin adding a self-made root never makes a signature
/// under it pass for another organ, nor can they see or remove another organ's anchors or the platform set; only CA
/// certificates are anchors; each change is in the audit log of the organs it takes effect for.
/// </summary>
public abstract class TrustAnchorScopeTests(ApiFactory api) : IDisposable
{
    readonly string _organA = TestOrgans.New();
    readonly string _organB = TestOrgans.New();
    readonly TestCa _rogue = TestCa.Create("Rogue Root CA");
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient AdminOf(string organ) => api.ClientFor("admin", organ, ["admin"]);
    HttpClient AuditorOf(string organ) => api.ClientFor("kiemtra", organ, ["auditor"]);

    public void Dispose() => _rogue.Dispose();

    static MultipartFormDataContent CertificateForm(byte[] pem, bool? revocationNotRequired = null)
    {
        var form = TestForms.File(pem, "ca.crt", "application/x-pem-file");
        if (revocationNotRequired is { } flag)
            form.Add(new StringContent(flag ? "true" : "false"), "revocationNotRequired");
        return form;
    }

    async Task<ManageTrustAnchors.Response> AddAsync(HttpClient admin, byte[] pem, bool? revocationNotRequired = null) =>
        await (await admin.PostAsync("/api/v1/admin/trust-anchors", CertificateForm(pem, revocationNotRequired), Ct))
            .ShouldBeJsonAsync<ManageTrustAnchors.Response>(HttpStatusCode.Created);

    async Task<byte[]> SignedByRogueAsync()
    {
        using var signer = _rogue.Issue("Kẻ Giả Mạo");
        using var input = new MemoryStream(SamplePdfs.WithText("forged"));
        using var output = new MemoryStream();
        await new PadesSigner(new CmsSignatureBuilder()).SignAsync(input, output, signer, new PadesSignatureOptions
        {
            FieldName = "Leader",
            Placement = new FieldPlacement(0, new PdfRectangle(300, 100, 500, 160)),
        }, Ct);
        return output.ToArray();
    }

    async Task<SignatureValidationReport> VerifyAsync(string organ, byte[] pdf) =>
        (await (await AuditorOf(organ).PostAsync("/api/v1/verifications", TestForms.File(pdf, "signed.pdf", "application/pdf"), Ct))
            .ShouldBeJsonAsync<VerificationResponse>(HttpStatusCode.Created)).Signatures.ShouldHaveSingleItem();

    async Task<IReadOnlyList<AuditEntryView>> AuditOfAsync(string organ) =>
        (await (await AuditorOf(organ).GetAsync("/api/v1/audit?action=trust_anchor.*&limit=500", Ct))
            .ShouldBeJsonAsync<ListAuditEntries.Response>()).Items;

    [Fact]
    public async Task An_organs_own_root_is_trusted_for_it_and_for_no_other_organ()
    {
        var added = await AddAsync(AdminOf(_organA), _rogue.Pem, revocationNotRequired: true);
        added.Scope.ShouldBe(ManageTrustAnchors.AnchorScope.Organ);
        added.OrganId.ShouldBe(_organA);
        var forged = await SignedByRogueAsync();

        var inA = await VerifyAsync(_organA, forged);
        var inB = await VerifyAsync(_organB, forged);

        inA.Trust.Status.ShouldBe(TrustStatus.Trusted);
        inA.Indication.ShouldBe(Indication.TotalPassed, inA.Message.En);
        inB.Trust.Status.ShouldBe(TrustStatus.NoChainToTrustAnchor);
        inB.Indication.ShouldNotBe(Indication.TotalPassed);
    }

    [Fact]
    public async Task Another_organs_anchor_is_neither_listed_nor_removable_and_the_change_is_audited_only_where_it_applies()
    {
        var added = await AddAsync(AdminOf(_organA), _rogue.Pem);

        (await (await AdminOf(_organB).GetAsync("/api/v1/admin/trust-anchors", Ct)).ShouldBeJsonAsync<List<ManageTrustAnchors.Response>>())
            .ShouldNotContain(a => a.Id == added.Id);
        await (await AdminOf(_organB).DeleteAsync($"/api/v1/admin/trust-anchors/{added.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        // B trusting the same root is B's own anchor, not a conflict with A's.
        var ofB = await AddAsync(AdminOf(_organB), _rogue.Pem);
        ofB.Id.ShouldNotBe(added.Id);
        (await AdminOf(_organA).DeleteAsync($"/api/v1/admin/trust-anchors/{added.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await AdminOf(_organB).GetAsync("/api/v1/admin/trust-anchors", Ct)).ShouldBeJsonAsync<List<ManageTrustAnchors.Response>>())
            .ShouldContain(a => a.Id == ofB.Id);

        var auditA = await AuditOfAsync(_organA);
        auditA.Select(e => e.Action).ShouldBe(["trust_anchor.add", "trust_anchor.remove"]);
        auditA.ShouldAllBe(e => e.Target == added.Thumbprint);
        (await AuditOfAsync(_organB)).Select(e => e.Action).ShouldBe(["trust_anchor.add"]);
    }

    [Fact]
    public async Task A_leaf_certificate_is_not_an_anchor()
    {
        using var leaf = TestCa.Create("Leaf posing as a root", certificateAuthority: false);

        await (await AdminOf(_organA).PostAsync("/api/v1/admin/trust-anchors", CertificateForm(leaf.Pem), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trust_anchor.not_a_ca");
        await (await AdminOf(_organA).PostAsync("/api/v1/admin/trust-anchors", CertificateForm(File.ReadAllBytes(DevPki.CertificatePath("official-rsa2048"))), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trust_anchor.not_a_ca");
    }

    [Fact]
    public async Task The_platform_set_is_trusted_by_every_organ_managed_by_the_platform_admin_alone_and_audited_in_each_organ()
    {
        var organC = TestOrgans.New();
        var adminC = await api.RegisterOrganAsync(organC);
        var platform = api.PlatformAdmin();

        var added = await AddAsync(platform, _rogue.Pem, revocationNotRequired: true);

        added.Scope.ShouldBe(ManageTrustAnchors.AnchorScope.Platform);
        added.OrganId.ShouldBeNull();
        var forged = await SignedByRogueAsync();
        (await VerifyAsync(_organA, forged)).Indication.ShouldBe(Indication.TotalPassed);
        (await VerifyAsync(organC, forged)).Indication.ShouldBe(Indication.TotalPassed);
        (await (await adminC.GetAsync("/api/v1/admin/trust-anchors", Ct)).ShouldBeJsonAsync<List<ManageTrustAnchors.Response>>())
            .ShouldContain(a => a.Id == added.Id && a.Scope == ManageTrustAnchors.AnchorScope.Platform);
        await (await adminC.DeleteAsync($"/api/v1/admin/trust-anchors/{added.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await platform.PostAsync("/api/v1/admin/trust-anchors", CertificateForm(_rogue.Pem), Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "trust_anchor.exists");
        (await AuditOfAsync(organC)).ShouldContain(e => e.Action == "trust_anchor.add" && e.Actor == "platform.admin" && e.Target == added.Thumbprint);

        (await platform.DeleteAsync($"/api/v1/admin/trust-anchors/{added.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await VerifyAsync(organC, forged)).Trust.Status.ShouldBe(TrustStatus.NoChainToTrustAnchor);
        (await AuditOfAsync(organC)).ShouldContain(e => e.Action == "trust_anchor.remove" && e.Target == added.Thumbprint);
    }
}

public sealed class TrustAnchorScopeOnSqliteTests(SqliteApi api) : TrustAnchorScopeTests(api), IClassFixture<SqliteApi>;

[Trait("Category", "Postgres")]
public sealed class TrustAnchorScopeOnPostgresTests(PostgresApi api) : TrustAnchorScopeTests(api), IClassFixture<PostgresApi>;
