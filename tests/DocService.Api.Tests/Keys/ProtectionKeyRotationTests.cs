using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Api.Features.Keys;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;
using DocService.Cli.Commands;
using DocService.Signing;
using DocService.Signing.Keys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Keys;

/// <summary>
/// Rotating Keys:ProtectionKey as docs/operations.md says: the new key current and the old one previous, reseal,
/// then the old key removed — with the service restarted on the same database between the steps.
/// </summary>
public sealed class ProtectionKeyRotationTests
{
    static readonly string NewKey = KeyProtector.GenerateKey();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The service restarted on <paramref name="restartOf"/>'s database with other protection keys.</summary>
    sealed class RestartedWithKeys(ApiFactory restartOf, string protectionKey, string? previous) : ApiFactory(restartOf)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(KeysOptions.ProtectionKeyName, protectionKey);
            builder.UseSetting(KeysOptions.PreviousProtectionKeysName, previous ?? "");
        }
    }

    static async Task<ISigner> OpenHeldKeyAsync(ApiFactory api)
    {
        await using var db = api.CreateDb();
        var key = await db.SigningKeys.SingleAsync();
        return api.Services.GetRequiredService<KeyVault>().SignerFor(key);
    }

    /// <summary>The second run goes through the command-line tool, as an operator runs it.</summary>
    static async Task<(int ExitCode, string Output)> DocsvcResealAsync(ApiFactory api)
    {
        var token = new DevTokens(ApiFactory.SigningKey).Create("platform.admin", "", ["platform-admin"], TimeSpan.FromMinutes(5));
        var output = new StringWriter();
        var original = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var parse = new System.CommandLine.RootCommand { ResealKeysCommand.Create() }
                .Parse(["reseal-keys", "--server", api.ClientWithToken(null).BaseAddress!.ToString(), "--token", token]);
            return (await parse.InvokeAsync(), output.ToString().Trim());
        }
        finally
        {
            Console.SetOut(original.Out);
            Console.SetError(original.Error);
        }
    }

    [Fact]
    public async Task Held_keys_sealed_under_the_old_key_are_sealed_again_under_the_new_one()
    {
        var organ = TestOrgans.New();
        var original = new ApiFactory(DatabaseProvider.Sqlite) { KeepData = true };
        (await original.ClientFor("admin", organ, ["admin"]).PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chutich"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await original.DisposeAsync();

        // The new key alone opens nothing yet, and a reseal then refuses without changing anything.
        var withoutOld = new RestartedWithKeys(original, NewKey, previous: null) { KeepData = true };
        await Should.ThrowAsync<KeyProtectionException>(() => OpenHeldKeyAsync(withoutOld));
        await (await withoutOld.PlatformAdmin().PostAsync("/api/v1/admin/keys/reseal", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "key.sealed_under_unknown_key");
        await withoutOld.DisposeAsync();

        var rotating = new RestartedWithKeys(original, NewKey, previous: ApiFactory.KeyProtectionKey) { KeepData = true };
        (await OpenHeldKeyAsync(rotating)).ShouldNotBeNull(); // the previous key still opens it meanwhile
        var resealed = await (await rotating.PlatformAdmin().PostAsync("/api/v1/admin/keys/reseal", null, Ct)).ShouldBeJsonAsync<ResealKeys.Response>();
        var (exitCode, again) = await DocsvcResealAsync(rotating);
        (await rotating.ClientFor("admin", organ, ["admin"]).PostAsync("/api/v1/admin/keys/reseal", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await rotating.DisposeAsync();

        resealed.ShouldBe(new ResealKeys.Response(Keys: 1, Secrets: 0, UnderPreviousKey: 1));
        await using (var db = original.CreateDb())
            (await db.AuditEntries.CountAsync(e => e.OrganId == organ && e.Action == "keys.reseal", Ct)).ShouldBe(2);
        exitCode.ShouldBe(0, again);
        again.ShouldBe("Sealed again under the current protection key: 1 keys and 0 secrets, 0 of them sealed under a previous key until now.");
        await using var rotated = new RestartedWithKeys(original, NewKey, previous: null);
        var signer = await OpenHeldKeyAsync(rotated);
        var digest = SHA256.HashData("văn bản"u8);
        var signature = await signer.SignAsync(digest, DigestAlgorithm.Sha256, Ct);
        using var publicKey = signer.Certificate.GetRSAPublicKey()!;
        publicKey.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }
}
