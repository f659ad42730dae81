using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;
using DocService.Drafting.Rendering;
using DocService.Signing;
using DocService.Signing.Keys;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// Three-step signing (open a session → sign on the official's own token → complete): the leader's
/// signature and the clerk's issue step, with the same state rules, appearances and audit entries as
/// server-side signing. The token is played by a PKCS#12 held by the test. Run on both providers.
/// </summary>
public abstract class SigningSessionTests(ApiFactory api) : IDisposable
{
    readonly string _organ = TestOrgans.New();
    readonly string _files = Directory.CreateTempSubdirectory("docservice-sessions-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Admin => api.ClientFor("admin", _organ, ["admin"]);
    HttpClient Drafter => api.ClientFor("chuyenvien", _organ, ["drafter"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);
    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);

    static Pkcs12Signer LeaderToken => DevPki.Signer("official-rsa3072");
    static Pkcs12Signer SealToken => DevPki.Signer("organisation");

    public void Dispose() => Directory.Delete(_files, recursive: true);

    /// <summary>A host of its own, for the restart test (the shared fixture cannot be disposed).</summary>
    protected abstract ApiFactory NewFactory();

    [Fact]
    public async Task Leader_and_clerk_sign_on_their_own_tokens_and_pdfsig_finds_both_signatures_valid()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);

        var signed = await SignOnTokenAsync(Leader, approved, "Approve", LeaderToken);
        var issued = await SignOnTokenAsync(Clerk, signed, "Issue", SealToken);

        signed.Status.ShouldBe(DocumentStatus.Signed);
        issued.Status.ShouldBe(DocumentStatus.Issued);
        issued.CodeNumber.ShouldBe(1);
        issued.Revisions.Select(r => r.Reason).Skip(1).ShouldBe(["Signed by the competent signer", "Issued as 01"]);
        var path = await SaveContentAsync(issued, "issued.pdf");
        (await Pdfsig.SignatureVerdictsAsync(path)).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
        var report = await Pdfsig.ReportWithDevelopmentRootAsync(path);
        report.ShouldContain("Trần Thị Bình", Case.Sensitive, report);
        (await ExternalTool.RunAsync("qpdf", "--check", path)).ExitCode.ShouldBe(0);

        var actions = await AuditActionsAsync();
        actions.ShouldContain("document.sign");
        actions.ShouldContain("document.issue");
        actions.Count(a => a == "signing_session.open").ShouldBe(2);
    }

    [Fact]
    public async Task A_value_from_another_key_is_422_nothing_is_stored_and_the_session_still_completes()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);

        var wrong = await DevPki.Signer("official-rsa2048").SignAsync(Digest(session), DigestAlgorithm.Sha256, Ct);
        await (await CompleteAsync(Leader, session, new { signatureValue = Convert.ToBase64String(wrong) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.value_mismatch");
        var unchanged = await GetAsync(approved.Id);
        unchanged.Status.ShouldBe(DocumentStatus.Approved);
        unchanged.Revisions.Count.ShouldBe(1);

        var signed = await (await CompleteAsync(Leader, session, await ValueAsync(session, LeaderToken))).ShouldBeJsonAsync<DocumentResponse>();
        signed.Status.ShouldBe(DocumentStatus.Signed);
    }

    [Fact]
    public async Task A_value_over_tampered_data_to_sign_is_refused()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);

        var tampered = Convert.FromBase64String(session.DataToSign);
        tampered[^1] ^= 0x01;
        var value = await LeaderToken.SignAsync(SHA256.HashData(tampered), DigestAlgorithm.Sha256, Ct);

        await (await CompleteAsync(Leader, session, new { signatureValue = Convert.ToBase64String(value) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.value_mismatch");
    }

    [Fact]
    public async Task A_complete_cms_is_accepted_only_with_the_session_certificate_and_the_prepared_attributes()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);
        var data = Convert.FromBase64String(session.DataToSign);

        var otherSigner = DevPki.Signer("official-rsa2048");
        var foreign = Cms(otherSigner, data, await otherSigner.SignAsync(SHA256.HashData(data), DigestAlgorithm.Sha256, Ct));
        await (await CompleteAsync(Leader, session, new { cms = Convert.ToBase64String(foreign) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_mismatch");

        var cms = Cms(LeaderToken, data, await LeaderToken.SignAsync(SHA256.HashData(data), DigestAlgorithm.Sha256, Ct));
        var signed = await (await CompleteAsync(Leader, session, new { cms = Convert.ToBase64String(cms) })).ShouldBeJsonAsync<DocumentResponse>();

        signed.Status.ShouldBe(DocumentStatus.Signed);
        (await Pdfsig.SignatureVerdictsAsync(await SaveContentAsync(signed, "signed.pdf"))).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public async Task A_session_signs_once()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);
        var value = await ValueAsync(session, LeaderToken);

        (await CompleteAsync(Leader, session, value)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await CompleteAsync(Leader, session, value)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "signing_session.completed");
        (await GetAsync(approved.Id)).Revisions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Of_concurrent_completions_exactly_one_wins()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);
        var value = await ValueAsync(session, LeaderToken);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CompleteAsync(Leader, session, value)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.OK).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        var document = await GetAsync(approved.Id);
        document.Revisions.Count.ShouldBe(2);
        document.Status.ShouldBe(DocumentStatus.Signed);
    }

    [Fact]
    public async Task An_expired_session_is_gone_and_changes_nothing()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);
        await ExpireAsync(session.SessionId);

        await (await CompleteAsync(Leader, session, await ValueAsync(session, LeaderToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Gone, "signing_session.expired");
        (await GetAsync(approved.Id)).Status.ShouldBe(DocumentStatus.Approved);
    }

    [Fact]
    public async Task Another_officials_session_is_not_found()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);
        var deputy = api.ClientFor("phochutich", _organ, ["signer"]);
        var otherOrgan = api.ClientFor("chutich", TestOrgans.New(), ["signer"]);

        await (await CompleteAsync(deputy, session, await ValueAsync(session, LeaderToken))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await CompleteAsync(otherOrgan, session, await ValueAsync(session, LeaderToken))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
    }

    [Fact]
    public async Task Sessions_follow_the_same_state_and_role_rules_as_server_side_signing()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);

        await (await OpenRawAsync(Clerk, approved, "Issue", SealToken)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.invalid_transition");
        await (await OpenRawAsync(Clerk, approved, "Approve", LeaderToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await OpenRawAsync(Leader, approved, "Approve", LeaderToken, "\"999\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        await (await OpenRawAsync(Leader, approved, "Approve", DevPki.Signer("expired"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_not_valid_now");
    }

    [Fact]
    public async Task A_self_made_certificate_never_opens_a_session_nor_issues()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        using var rogue = TestCa.Create("Rogue Root");
        using var forged = rogue.Issue("Trần Thị Bình", crlUrl: "http://127.0.0.1:9/rogue.crl");

        await (await OpenRawAsync(Leader, approved, "Approve", forged)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_untrusted");
        var signed = await SignOnTokenAsync(Leader, approved, "Approve", LeaderToken);
        await (await OpenRawAsync(Clerk, signed, "Issue", forged)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_untrusted");
        (await GetAsync(approved.Id)).Status.ShouldBe(DocumentStatus.Signed);
    }

    [Fact]
    public async Task A_certificate_signs_only_for_the_owner_it_is_registered_to()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var deputyToken = DevPki.Signer("official-rsa2048");
        await RegisterCertificateAsync(Admin, "User", "phochutich", deputyToken);

        await (await OpenRawAsync(Leader, approved, "Approve", deputyToken)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_of_another_owner");
        await (await OpenRawAsync(Leader, approved, "Approve", DevPki.Signer("official-ecdsa-p256")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_not_registered");
        await (await OpenRawAsync(Leader, approved, "Approve", DevPki.Signer("revoked"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_revoked");
        // The leader's own certificate is not the organ's seal.
        var signed = await SignOnTokenAsync(Leader, approved, "Approve", LeaderToken);
        await (await OpenRawAsync(Clerk, signed, "Issue", LeaderToken)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_of_another_owner");
        // Registered once per organ: the same certificate is not registered again to someone else.
        await (await Admin.PostJsonAsync("/api/v1/admin/certificates", new { ownerKind = "User", ownerId = "chutich", certificate = ChainOf(deputyToken) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate.registered");
    }

    [Fact]
    public async Task A_certificate_withdrawn_after_the_session_opened_stores_nothing()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken);
        var registration = (await (await Admin.GetAsync("/api/v1/admin/certificates?ownerKind=User&ownerId=chutich", Ct))
            .ShouldBeJsonAsync<List<CertificateResponse>>()).ShouldHaveSingleItem();
        (await Admin.DeleteAsync($"/api/v1/admin/certificates/{registration.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await CompleteAsync(Leader, session, await ValueAsync(session, LeaderToken)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_not_registered");
        var unchanged = await GetAsync(approved.Id);
        unchanged.Status.ShouldBe(DocumentStatus.Approved);
        unchanged.Revisions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_official_binds_their_own_certificate_with_proof_and_it_signs_once_an_admin_approves()
    {
        await ProvisionImagesAsync(Admin);
        var approved = await ApprovedDraftAsync(Drafter, Leader);
        var deputy = api.ClientFor("phochutich", _organ, ["signer"]);
        var token = DevPki.Signer("official-ecdsa-p256");
        var statement = BindOwnCertificate.Statement(token.Certificate.GetCertHashString(HashAlgorithmName.SHA256), "phochutich", _organ);
        // Signed on the token as any digest is: ECDSA answers the DER SEQUENCE { r, s }.
        var proof = await token.SignAsync(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(statement)), DigestAlgorithm.Sha256, Ct);
        var certificate = ChainOf(token);

        await (await deputy.PostJsonAsync("/api/v1/me/certificates", new { certificate, proof = Convert.ToBase64String(proof[..^1].Append((byte)(proof[^1] ^ 1)).ToArray()) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "certificate.proof_invalid");
        // The same proof does not bind the certificate to someone else.
        await (await Leader.PostJsonAsync("/api/v1/me/certificates", new { certificate, proof = Convert.ToBase64String(proof) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "certificate.proof_invalid");
        var bound = await (await deputy.PostJsonAsync("/api/v1/me/certificates", new { certificate, proof = Convert.ToBase64String(proof) }))
            .ShouldBeJsonAsync<CertificateResponse>(HttpStatusCode.Created);
        bound.Status.ShouldBe(DocService.Api.Domain.Keys.CertificateRegistrationStatus.Pending);

        await (await OpenRawAsync(deputy, approved, "Approve", token)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "signature.certificate_pending_approval");
        await (await deputy.PostAsync($"/api/v1/admin/certificates/{bound.Id}/approval", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await (await Admin.PostAsync($"/api/v1/admin/certificates/{bound.Id}/approval", null, Ct)).ShouldBeJsonAsync<CertificateResponse>())
            .Status.ShouldBe(DocService.Api.Domain.Keys.CertificateRegistrationStatus.Active);
        (await SignOnTokenAsync(deputy, approved, "Approve", token)).Status.ShouldBe(DocumentStatus.Signed);
    }

    [Fact]
    public async Task An_open_issue_session_holds_the_register_number_and_an_expired_one_lets_it_go()
    {
        await ProvisionImagesAsync(Admin);
        var first = await SignOnTokenAsync(Leader, await ApprovedDraftAsync(Drafter, Leader), "Approve", LeaderToken);
        var second = await SignOnTokenAsync(Leader, await ApprovedDraftAsync(Drafter, Leader), "Approve", LeaderToken);
        var held = await OpenAsync(Clerk, first, "Issue", SealToken);
        held.RegisterNumber.ShouldBe(1);

        // While the session is live nobody else takes a number of that register: no gap, no double.
        await (await OpenRawAsync(api.ClientFor("vanthu2", _organ, ["clerk"]), second, "Issue", SealToken))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "register.held");

        await ExpireAsync(held.SessionId);
        var issuedSecond = await SignOnTokenAsync(Clerk, second, "Issue", SealToken);
        issuedSecond.CodeNumber.ShouldBe(1);
        var issuedFirst = await SignOnTokenAsync(Clerk, await GetAsync(first.Id), "Issue", SealToken);
        issuedFirst.CodeNumber.ShouldBe(2);
    }

    [Fact]
    public async Task A_session_survives_a_restart_of_the_service()
    {
        var before = NewFactory();
        var organ = TestOrgans.New();
        await ProvisionImagesAsync(before.ClientFor("admin", organ, ["admin"]));
        var approved = await ApprovedDraftAsync(before.ClientFor("chuyenvien", organ, ["drafter"]), before.ClientFor("chutich", organ, ["signer"]));
        var session = await OpenAsync(before.ClientFor("chutich", organ, ["signer"]), approved, "Approve", LeaderToken);
        before.KeepData = true;
        await before.DisposeAsync();

        await using var after = new ApiFactory(before);
        var signed = await (await CompleteAsync(after.ClientFor("chutich", organ, ["signer"]), session, await ValueAsync(session, LeaderToken)))
            .ShouldBeJsonAsync<DocumentResponse>();

        signed.Status.ShouldBe(DocumentStatus.Signed);
        var pdf = await (await after.ClientFor("chuyenvien", organ, ["drafter"]).GetAsync($"/api/v1/documents/{signed.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var path = Path.Combine(_files, "restarted.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        (await Pdfsig.SignatureVerdictsAsync(path)).ShouldBe(["Signature is Valid."]);
    }

    // --- the client's side ---

    public sealed record Session(Guid SessionId, Guid DocumentId, string DataToSign, string DigestToSign, DigestAlgorithm DigestAlgorithm,
        IReadOnlyList<SignatureAlgorithm> SignatureAlgorithms, DateTimeOffset ExpiresAt, int? RegisterNumber);

    async Task<DocumentResponse> SignOnTokenAsync(HttpClient client, DocumentResponse document, string step, ISigner token)
    {
        var session = await OpenAsync(client, document, step, token);
        return await (await CompleteAsync(client, session, await ValueAsync(session, token))).ShouldBeJsonAsync<DocumentResponse>();
    }

    async Task<Session> OpenAsync(HttpClient client, DocumentResponse document, string step, ISigner token)
    {
        var session = await (await OpenRawAsync(client, document, step, token)).ShouldBeJsonAsync<Session>(HttpStatusCode.Created);
        // The data to sign is what the digest covers, and it is DER signed attributes (a SET).
        Convert.FromBase64String(session.DataToSign)[0].ShouldBe((byte)0x31);
        SHA256.HashData(Convert.FromBase64String(session.DataToSign)).ShouldBe(Convert.FromBase64String(session.DigestToSign));
        return session;
    }

    internal static Task<HttpResponseMessage> OpenRawAsync(HttpClient client, DocumentResponse document, string step, ISigner token, string? ifMatch = null,
        string? level = null) =>
        client.PostJsonAsync($"/api/v1/documents/{document.Id}/signing-sessions", new
        {
            step,
            // PEM for the signer, base64 DER for its issuer: both are accepted.
            certificateChain = new[] { token.Certificate.ExportCertificatePem() }
                .Concat(token.Chain.Select(c => Convert.ToBase64String(c.RawData))).ToArray(),
            level,
        }, ifMatch ?? $"\"{document.Version}\"");

    internal static async Task<object> ValueAsync(Session session, ISigner token) =>
        new { signatureValue = Convert.ToBase64String(await token.SignAsync(Digest(session), session.DigestAlgorithm, CancellationToken.None)) };

    static byte[] Digest(Session session) => Convert.FromBase64String(session.DigestToSign);

    internal static Task<HttpResponseMessage> CompleteAsync(HttpClient client, Session session, object body) =>
        client.PutAsJsonAsync($"/api/v1/signing-sessions/{session.SessionId}/signature", body);

    /// <summary>What a desktop tool that returns a whole CMS sends: SignedData over exactly the given attributes.</summary>
    static byte[] Cms(ISigner signer, byte[] signedAttributes, byte[] value)
    {
        var certificate = X509CertificateStructure.GetInstance(signer.Certificate.RawData);
        var sha256 = new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256);
        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(certificate.Issuer, certificate.SerialNumber)), sha256,
            Asn1Set.GetInstance(Asn1Object.FromByteArray(signedAttributes)),
            new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance), new DerOctetString(value), null);
        var signedData = new SignedData(new DerSet(sha256), new ContentInfo(CmsObjectIdentifiers.Data, null), new DerSet(certificate), null, new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }

    // --- the service's side ---

    async Task ExpireAsync(Guid sessionId)
    {
        await using var db = api.CreateDb();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        (await db.SigningSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, past), Ct)).ShouldBe(1);
    }

    async Task<DocumentResponse> GetAsync(Guid id) =>
        await (await Drafter.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();

    async Task<string> SaveContentAsync(DocumentResponse document, string name)
    {
        var path = Path.Combine(_files, name);
        await File.WriteAllBytesAsync(path, await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct), Ct);
        return path;
    }

    async Task<List<string>> AuditActionsAsync()
    {
        var page = await (await api.ClientFor("kiemtra", _organ, ["auditor"]).GetAsync("/api/v1/audit?after=0&limit=100", Ct)).ShouldBeJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();
    }

    /// <summary>
    /// What an organ's admin sets up for three-step signing: the signature and seal images, the development root as
    /// the organ's trust anchor, the leader's token certificate registered to chutich and the seal's to the organ.
    /// </summary>
    internal static async Task ProvisionImagesAsync(HttpClient admin)
    {
        var organ = JwtOrgan(admin);
        (await admin.PutAsync("/api/v1/admin/images/User/chutich/Signature", TestForms.Png(DevImages.Signature()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsync($"/api/v1/admin/images/Organ/{organ}/Seal", TestForms.Png(DevImages.Seal()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        ((int)(await admin.PostAsync("/api/v1/admin/trust-anchors", TestForms.File(File.ReadAllBytes(DevPki.RootCertificatePath), "root.crt", "application/x-pem-file"))).StatusCode)
            .ShouldBeOneOf(201, 409);
        await RegisterCertificateAsync(admin, "User", "chutich", LeaderToken);
        await RegisterCertificateAsync(admin, "Organ", null, SealToken);
    }

    internal static async Task<CertificateResponse> RegisterCertificateAsync(HttpClient admin, string ownerKind, string? ownerId, ISigner token) =>
        await (await admin.PostJsonAsync("/api/v1/admin/certificates", new
        {
            ownerKind, ownerId, certificate = ChainOf(token),
        })).ShouldBeJsonAsync<CertificateResponse>(HttpStatusCode.Created);

    /// <summary>The token's certificate and its intermediates, base64 DER.</summary>
    static string[] ChainOf(ISigner token) =>
        new[] { token.Certificate }.Concat(token.Chain).Select(c => Convert.ToBase64String(c.RawData)).ToArray();

    internal static async Task<DocumentResponse> ApprovedDraftAsync(HttpClient drafter, HttpClient leader)
    {
        using var rendered = new MemoryStream();
        new DraftRenderer().Render(SampleDrafts.QuyetDinh(), rendered);
        var document = await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(rendered.ToArray(), "Quyết định", "Về việc thành lập Tổ công tác")))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        return await (await leader.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
    }

    // The organ a test client acts for, read back from its own token.
    static string JwtOrgan(HttpClient client)
    {
        var payload = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1];
        payload = payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.GetProperty("organ").GetString()!;
    }
}

public sealed class SigningSessionOnSqliteTests(SqliteSigningApi api) : SigningSessionTests(api), IClassFixture<SqliteSigningApi>
{
    protected override ApiFactory NewFactory() => new SqliteSigningApi();
}

[Trait("Category", "Postgres")]
public sealed class SigningSessionOnPostgresTests(PostgresSigningApi api) : SigningSessionTests(api), IClassFixture<PostgresSigningApi>
{
    protected override ApiFactory NewFactory() => new PostgresSigningApi();
}

/// <summary>
/// Three-step signing at the levels of server-side signing: B-T by default once a TSA is configured (the
/// signature timestamp added at completion, after the value is verified), B-LT and B-LTA extended after
/// embedding, and a TSA that is down leaves nothing behind and the session usable.
/// </summary>
public sealed class TimestampedSigningSessionTests(SqliteLtvApi api) : IClassFixture<SqliteLtvApi>
{
    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Admin => api.ClientFor("admin", _organ, ["admin"]);
    HttpClient Drafter => api.ClientFor("chuyenvien", _organ, ["drafter"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);
    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);

    static Pkcs12Signer LeaderToken => DevPki.Signer("official-rsa3072");
    static Pkcs12Signer SealToken => DevPki.Signer("organisation");

    [Fact]
    public async Task Sessions_default_to_the_server_level_B_T_and_both_signatures_are_timestamped()
    {
        await SigningSessionTests.ProvisionImagesAsync(Admin);
        var approved = await SigningSessionTests.ApprovedDraftAsync(Drafter, Leader);

        var signed = await SignAsync(Leader, approved, "Approve", LeaderToken);
        var issued = await SignAsync(Clerk, signed, "Issue", SealToken);

        issued.Status.ShouldBe(DocumentStatus.Issued);
        var (pdf, report) = await ValidateAsync(issued);
        (await Pdfsig.SignatureVerdictsAsync(await SaveAsync(pdf))).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
        var signatures = report.Signatures.Where(s => s.Kind == SignatureKind.Signature).ToList();
        signatures.Count.ShouldBe(2);
        signatures.ShouldAllBe(s => s.Level.Reached == LevelReached.BT);
        signatures.ShouldAllBe(s => s.Timestamps.SignatureTimestamp != null && s.Timestamps.SignatureTimestamp.TsaName == "DocService Development TSA");
    }

    [Fact]
    public async Task A_B_B_session_stays_B_B_with_a_TSA_configured()
    {
        await SigningSessionTests.ProvisionImagesAsync(Admin);
        var approved = await SigningSessionTests.ApprovedDraftAsync(Drafter, Leader);

        var signed = await SignAsync(Leader, approved, "Approve", LeaderToken, "B-B");

        var signature = (await ValidateAsync(signed)).Report.Signatures.Single(s => s.Kind == SignatureKind.Signature);
        signature.Level.Reached.ShouldBe(LevelReached.BB, signature.Level.Reason.En);
        signature.Timestamps.SignatureTimestamp.ShouldBeNull();
    }

    [Fact]
    public async Task A_B_LTA_session_carries_validation_data_and_an_archive_timestamp()
    {
        await api.TrustDevelopmentRootAsync(_organ);
        await SigningSessionTests.ProvisionImagesAsync(Admin);
        var approved = await SigningSessionTests.ApprovedDraftAsync(Drafter, Leader);

        var signed = await SignAsync(Leader, approved, "Approve", LeaderToken, "B-LTA");

        signed.Status.ShouldBe(DocumentStatus.Signed);
        signed.Revisions.Count.ShouldBe(2); // extension is part of the signature's one revision
        var (pdf, report) = await ValidateAsync(signed);
        var signature = report.Signatures.Single(s => s.Kind == SignatureKind.Signature);
        signature.Level.Reached.ShouldBe(LevelReached.BLTA, signature.Level.Reason.En);
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En);
        (await Pdfsig.SignatureVerdictsAsync(await SaveAsync(pdf)))[0].ShouldBe("Signature is Valid.");
    }

    [Fact]
    public async Task With_the_TSA_down_completion_is_503_nothing_is_stored_and_the_session_still_completes()
    {
        await SigningSessionTests.ProvisionImagesAsync(Admin);
        var approved = await SigningSessionTests.ApprovedDraftAsync(Drafter, Leader);
        var session = await OpenAsync(Leader, approved, "Approve", LeaderToken, null);
        var value = await SigningSessionTests.ValueAsync(session, LeaderToken);

        api.TsaDown = true;
        try
        {
            await (await SigningSessionTests.CompleteAsync(Leader, session, value))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "timestamp.unavailable");
        }
        finally
        {
            api.TsaDown = false;
        }
        var unchanged = await (await Drafter.GetAsync($"/api/v1/documents/{approved.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Status.ShouldBe(DocumentStatus.Approved);
        unchanged.Version.ShouldBe(approved.Version);
        unchanged.Revisions.Count.ShouldBe(1);

        var signed = await (await SigningSessionTests.CompleteAsync(Leader, session, value)).ShouldBeJsonAsync<DocumentResponse>();
        signed.Status.ShouldBe(DocumentStatus.Signed);
        (await ValidateAsync(signed)).Report.Signatures.Single(s => s.Kind == SignatureKind.Signature).Level.Reached.ShouldBe(LevelReached.BT);
    }

    async Task<DocumentResponse> SignAsync(HttpClient client, DocumentResponse document, string step, ISigner token, string? level = null)
    {
        var session = await OpenAsync(client, document, step, token, level);
        return await (await SigningSessionTests.CompleteAsync(client, session, await SigningSessionTests.ValueAsync(session, token)))
            .ShouldBeJsonAsync<DocumentResponse>();
    }

    static async Task<SigningSessionTests.Session> OpenAsync(HttpClient client, DocumentResponse document, string step, ISigner token, string? level) =>
        await (await SigningSessionTests.OpenRawAsync(client, document, step, token, level: level))
            .ShouldBeJsonAsync<SigningSessionTests.Session>(HttpStatusCode.Created);

    async Task<(byte[] Pdf, DocumentValidationReport Report)> ValidateAsync(DocumentResponse document)
    {
        var pdf = await (await Drafter.GetAsync($"/api/v1/documents/{document.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var report = await new PdfSignatureValidator(new ValidationOptions { TrustAnchors = [DevPki.Certificate("root")] })
            .ValidateAsync(new MemoryStream(pdf), Ct);
        return (pdf, report);
    }

    async Task<string> SaveAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docservice-session-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        return path;
    }
}
