using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Keys;
using DocService.Signing.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Net.Pkcs11Interop.Common;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// A PKCS#11 token or HSM that fails — cannot be opened, refuses the PIN, or fails in the middle of signing —
/// is a 503 <c>key.token_unavailable</c> and the document is unchanged, never a 500.
/// </summary>
public sealed class TokenErrorTests(TokenErrorTests.BrokenTokenApi api) : IClassFixture<TokenErrorTests.BrokenTokenApi>
{
    /// <summary>
    /// An organ whose PKCS#11 module is missing, and one naming a token the SoftHSM2 module does not have. (A wrong PIN
    /// is not a reliable test in this process: once another test has logged in to the token, SoftHSM2 answers any
    /// PIN with CKR_USER_ALREADY_LOGGED_IN.)
    /// </summary>
    public const string MissingModuleOrgan = "000.00.78.H41";
    public const string WrongTokenOrgan = "000.00.79.H41";

    public sealed class BrokenTokenApi() : SigningApi(Api.Infrastructure.Persistence.DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"Keys:Organs:{MissingModuleOrgan}:Pkcs11:Module", "/nonexistent/libvendor-pkcs11.so");
            builder.UseSetting($"Keys:Organs:{MissingModuleOrgan}:Pkcs11:TokenLabel", "docservice");
            builder.UseSetting($"Keys:Organs:{MissingModuleOrgan}:Pkcs11:Pin", "1234");
            builder.UseSetting($"Keys:Organs:{MissingModuleOrgan}:Pkcs11:KeyLabel", "organisation");
            builder.UseSetting($"Keys:Organs:{WrongTokenOrgan}:Pkcs11:Module", Environment.GetEnvironmentVariable("DOCSERVICE_PKCS11_MODULE") ?? "");
            builder.UseSetting($"Keys:Organs:{WrongTokenOrgan}:Pkcs11:TokenLabel", "no-such-token");
            builder.UseSetting($"Keys:Organs:{WrongTokenOrgan}:Pkcs11:Pin", Environment.GetEnvironmentVariable("DOCSERVICE_PKCS11_PIN") ?? "");
            builder.UseSetting($"Keys:Organs:{WrongTokenOrgan}:Pkcs11:KeyLabel", "organisation");
        }
    }

    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issuing_with_a_token_whose_module_cannot_be_loaded_is_503_and_the_document_is_unchanged() =>
        await IssueRefusedAsync(MissingModuleOrgan);

    [Fact]
    [Trait("Category", "Pkcs11")]
    public async Task Issuing_with_a_token_label_the_module_does_not_have_is_503_and_the_document_is_unchanged()
    {
        _ = SoftHsm.Module; // skips (or fails under the test command) without the token
        await IssueRefusedAsync(WrongTokenOrgan);
    }

    [Fact]
    public async Task A_token_failing_in_the_middle_of_signing_is_a_503_problem_not_a_500()
    {
        foreach (var failure in new Exception[]
                 {
                     new Pkcs11Exception("C_Sign", CKR.CKR_DEVICE_REMOVED),
                     new Pkcs11KeyException("The token refused the PIN (CKR_PIN_LOCKED)."),
                 })
        {
            var problems = new CapturedProblems();
            var http = new DefaultHttpContext();

            (await new DocServiceExceptionHandler(problems, NullLogger<DocServiceExceptionHandler>.Instance).TryHandleAsync(http, failure, Ct)).ShouldBeTrue();

            http.Response.StatusCode.ShouldBe(503);
            var problem = problems.Written.ShouldNotBeNull();
            problem.Status.ShouldBe(503);
            problem.Extensions["code"].ShouldBe("key.token_unavailable");
            problem.Detail.ShouldNotBeNull().ShouldNotBeEmpty();
        }
    }

    async Task IssueRefusedAsync(string organ)
    {
        var admin = api.ClientFor("admin", organ, ["admin"]);
        var leader = api.ClientFor("chutich", organ, ["signer"]);
        await SigningSessionTests.ProvisionImagesAsync(admin);
        var key = new ByteArrayContent(File.ReadAllBytes(Path.Combine(DevPki.Directory, "official-rsa2048.p12")));
        key.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
        var uploaded = await admin.PostAsync("/api/v1/admin/keys", new MultipartFormDataContent
        {
            { key, "file", "official-rsa2048.p12" }, { new StringContent(DevPki.Password), "password" },
            { new StringContent("User"), "ownerKind" }, { new StringContent("chutich"), "ownerId" },
        }, Ct);
        ((int)uploaded.StatusCode).ShouldBeOneOf(201, 409);
        var approved = await SigningSessionTests.ApprovedDraftAsync(api.ClientFor("chuyenvien", organ, ["drafter"]), leader);
        var signed = await (await leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { }, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        var problem = await (await api.ClientFor("vanthu", organ, ["clerk"]).PostActionAsync($"/api/v1/documents/{signed.Id}/issue", $"\"{signed.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "key.token_unavailable");

        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("PKCS#11");
        var unchanged = await (await leader.GetAsync($"/api/v1/documents/{signed.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Status.ShouldBe(DocumentStatus.Signed);
        unchanged.Version.ShouldBe(signed.Version);
        unchanged.Revisions.Count.ShouldBe(signed.Revisions.Count);
    }

    sealed class CapturedProblems : IProblemDetailsService
    {
        public ProblemDetails? Written { get; private set; }

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            Written = context.ProblemDetails;
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
        {
            Written = context.ProblemDetails;
            return ValueTask.FromResult(true);
        }
    }
}
