using System.Net;
using DocService.Api.Features.Verification;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Tests.Infrastructure;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Verification;

/// <summary>
/// Files uploaded to be verified are kept for Verifications:UploadRetention (here 3 seconds), count against the
/// organ's quota (here 2 files) meanwhile, and are removed by the sweep after it; the reports stay.
/// </summary>
public abstract class UploadRetentionTests(ApiFactory api)
{
    public const string Retention = "00:00:03";

    readonly string _organ = TestOrgans.New();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Auditor => api.ClientFor("kiemtra", _organ, ["auditor"]);

    static async Task<byte[]> SignedAsync()
    {
        using var input = new MemoryStream(SamplePdfs.WithText("x"));
        using var output = new MemoryStream();
        await new PadesSigner(new CmsSignatureBuilder()).SignAsync(input, output, DevPki.Signer("official-rsa2048"), new PadesSignatureOptions
        {
            FieldName = "Leader",
            Placement = new FieldPlacement(0, new PdfRectangle(300, 100, 500, 160)),
        }, Ct);
        return output.ToArray();
    }

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] pdf) =>
        await client.PostAsync("/api/v1/verifications", TestForms.File(pdf, "signed.pdf", "application/pdf"), Ct);

    [Fact]
    public async Task Uploads_beyond_the_quota_are_429_until_the_oldest_expire_and_the_sweep_removes_their_files_but_not_the_reports()
    {
        var pdf = await SignedAsync();
        var first = await (await UploadAsync(Auditor, pdf)).ShouldBeJsonAsync<VerificationResponse>(HttpStatusCode.Created);
        await (await UploadAsync(Auditor, pdf)).ShouldBeJsonAsync<VerificationResponse>(HttpStatusCode.Created);
        first.FileKeptUntil.ShouldNotBeNull();
        (first.FileKeptUntil.Value - first.CreatedAt).ShouldBe(TimeSpan.Parse(Retention, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));

        var refused = await UploadAsync(Auditor, pdf);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, UploadQuota.Code);
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        // The quota is the organ's: another organ's auditor is not refused.
        (await UploadAsync(api.ClientFor("kiemtra", TestOrgans.New(), ["auditor"]), pdf)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var key = await StorageKeyAsync(first.Id);
        (await StoreExistsAsync(key)).ShouldBeTrue();
        await Task.Delay(RetentionPolicy.WholeSecondAfter(first.FileKeptUntil.Value) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), Ct);

        // Past its date the file is not served even before the sweep runs.
        await (await Auditor.GetAsync($"/api/v1/verifications/{first.Id}/signatures/1/signed-version", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Gone, "verification.file_expired");

        var removed = await api.WithScopeAsync(services => services.GetRequiredService<ExpiredUploadSweep>().SweepAsync(Ct));
        removed.ShouldBeGreaterThanOrEqualTo(2);
        (await StoreExistsAsync(key)).ShouldBeFalse();
        await using (var db = api.CreateDb())
            (await db.Verifications.SingleAsync(v => v.Id == first.Id, Ct)).FileDeletedAt.ShouldNotBeNull();

        var report = await (await Auditor.GetAsync($"/api/v1/verifications/{first.Id}", Ct)).ShouldBeJsonAsync<VerificationResponse>();
        report.Signatures.ShouldHaveSingleItem().Integrity.Valid.ShouldBeTrue();
        // Room again: the expired files no longer count.
        (await UploadAsync(Auditor, pdf)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    async Task<string> StorageKeyAsync(Guid id)
    {
        await using var db = api.CreateDb();
        return await db.Verifications.Where(v => v.Id == id).Select(v => v.StorageKey).SingleAsync(Ct);
    }

    Task<bool> StoreExistsAsync(string key) =>
        api.WithScopeAsync(services => services.GetRequiredService<IObjectStore>().ExistsAsync(key, Ct));

    public class Factory : ApiFactory
    {
        protected Factory(DatabaseProvider provider) : base(provider)
        {
            Settings["Verifications:UploadRetention"] = Retention;
            Settings["Verifications:QuotaCount"] = "2";
        }
    }

    public sealed class SqliteFactory() : Factory(DatabaseProvider.Sqlite);

    public sealed class PostgresFactory() : Factory(DatabaseProvider.Postgres);
}

public sealed class UploadRetentionOnSqliteTests(UploadRetentionTests.SqliteFactory api)
    : UploadRetentionTests(api), IClassFixture<UploadRetentionTests.SqliteFactory>;

public sealed class UploadRetentionOnPostgresTests(UploadRetentionTests.PostgresFactory api)
    : UploadRetentionTests(api), IClassFixture<UploadRetentionTests.PostgresFactory>;
