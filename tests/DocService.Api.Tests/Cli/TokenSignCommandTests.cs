using System.CommandLine;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Tests.Infrastructure;
using DocService.Api.Tests.Signing;
using DocService.Cli.Commands;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Cli;

/// <summary>docsvc token-sign plays the officials' desktops against the real host: the leader signs, the clerk issues.</summary>
public sealed class TokenSignCommandTests(SqliteSigningApi api) : IClassFixture<SqliteSigningApi>, IDisposable
{
    readonly string _organ = TestOrgans.New();
    readonly string _files = Directory.CreateTempSubdirectory("docservice-token-sign-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;
    string _errors = "";

    public void Dispose() => Directory.Delete(_files, recursive: true);

    async Task<int> RunAsync(string user, string role, Guid document, params string[] rest)
    {
        var errors = new StringWriter();
        var code = await new RootCommand { TokenSignCommand.Create() }.Parse([
            "token-sign", "--server", api.ClientFor(_organ).BaseAddress!.ToString(),
            "--token", new Api.Infrastructure.Auth.DevTokens(ApiFactory.SigningKey).Create(user, _organ, [role], TimeSpan.FromMinutes(5)),
            "--document", document.ToString(), .. rest]).InvokeAsync(new InvocationConfiguration { Error = errors }, Ct);
        _errors = errors.ToString();
        return code;
    }

    [Fact]
    public async Task Leader_and_clerk_sign_with_pkcs12_files_kept_on_their_desks()
    {
        await SigningSessionTests.ProvisionImagesAsync(api.ClientFor("admin", _organ, ["admin"]));
        var approved = await SigningSessionTests.ApprovedDraftAsync(api.ClientFor("chuyenvien", _organ, ["drafter"]), api.ClientFor("chutich", _organ, ["signer"]));

        (await RunAsync("chutich", "signer", approved.Id, "--p12", Path.Combine(DevPki.Directory, "official-rsa3072.p12"), "--password", DevPki.Password)).ShouldBe(0, _errors);
        (await RunAsync("vanthu", "clerk", approved.Id, "--step", "issue", "--p12", Path.Combine(DevPki.Directory, "organisation.p12"), "--password", DevPki.Password)).ShouldBe(0, _errors);

        await ShouldBeIssuedWithTwoValidSignaturesAsync(approved.Id);
    }

    [Fact]
    [Trait("Category", "Pkcs11")]
    public async Task Leader_and_clerk_sign_with_keys_on_a_pkcs11_token()
    {
        var module = SoftHsm.Module;
        await SigningSessionTests.ProvisionImagesAsync(api.ClientFor("admin", _organ, ["admin"]));
        var approved = await SigningSessionTests.ApprovedDraftAsync(api.ClientFor("chuyenvien", _organ, ["drafter"]), api.ClientFor("chutich", _organ, ["signer"]));

        (await RunAsync("chutich", "signer", approved.Id, "--pkcs11", module, "--label", SoftHsm.Token, "--key-label", "official-rsa3072", "--pin", SoftHsm.Pin)).ShouldBe(0, _errors);
        (await RunAsync("vanthu", "clerk", approved.Id, "--step", "issue", "--pkcs11", module, "--label", SoftHsm.Token, "--key-label", "organisation", "--pin", SoftHsm.Pin)).ShouldBe(0, _errors);

        await ShouldBeIssuedWithTwoValidSignaturesAsync(approved.Id);
    }

    [Fact]
    public async Task Without_a_key_source_it_says_what_to_give()
    {
        (await RunAsync("chutich", "signer", Guid.NewGuid())).ShouldBe(2);
        _errors.ShouldContain("--p12");
    }

    async Task ShouldBeIssuedWithTwoValidSignaturesAsync(Guid id)
    {
        var reader = api.ClientFor("chuyenvien", _organ, ["drafter"]);
        var document = await (await reader.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        document.Status.ShouldBe(DocumentStatus.Issued);
        document.CodeNumber.ShouldBe(1);
        var path = Path.Combine(_files, "issued.pdf");
        await File.WriteAllBytesAsync(path, await (await reader.GetAsync($"/api/v1/documents/{id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct), Ct);
        (await Pdfsig.SignatureVerdictsAsync(path)).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
    }
}
