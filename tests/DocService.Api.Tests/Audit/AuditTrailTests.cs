using System.CommandLine;
using System.Net;
using DocService.Api.Features.Audit;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Tests.Infrastructure;
using DocService.Cli.Commands;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Tests.Audit;

/// <summary>
/// The audit chain: one entry per command, hash-linked, and a direct edit in the database is
/// reported at the link it broke. Each test owns its database: a broken chain must not leak.
/// </summary>
public abstract class AuditTrailTests
{
    protected abstract ApiFactory NewApi();

    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<DocumentResponse> UploadAndSubmitAsync(HttpClient drafter)
    {
        var uploaded = await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("audit")))).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        return await (await drafter.PostActionAsync($"/api/v1/documents/{uploaded.Id}/submit", $"\"{uploaded.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
    }

    [Fact]
    public async Task Every_command_leaves_one_linked_entry_and_the_chain_verifies()
    {
        await using var api = NewApi();
        var drafter = api.ClientFor("ubnd.chuyenvien", _organ, ["drafter"]);
        var auditor = api.ClientFor("ubnd.kiemtra", _organ, ["auditor"]);

        var document = await UploadAndSubmitAsync(drafter);

        var log = await (await auditor.GetAsync("/api/v1/audit", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();
        log.Items.Select(e => e.Action).ShouldBe(["document.upload", "document.submit"]);
        log.Items.ShouldAllBe(e => e.Target == document.Id.ToString() && e.Actor == "ubnd.chuyenvien" && e.OrganId == _organ);
        log.Items[1].PreviousHash.ShouldBe(log.Items[0].Hash);
        log.Items[0].PreviousHash.ShouldBe(AuditEntry.GenesisHash);

        var verification = await (await auditor.GetAsync("/api/v1/audit/verify", Ct)).ShouldBeJsonAsync<AuditVerification>();
        verification.Valid.ShouldBeTrue();
        verification.EntriesVerified.ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_command_leaves_no_entry()
    {
        await using var api = NewApi();
        var drafter = api.ClientFor("d", _organ, ["drafter"]);
        var auditor = api.ClientFor("a", _organ, ["auditor"]);
        var uploaded = await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("x")), Ct)).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);

        await drafter.PostActionAsync($"/api/v1/documents/{uploaded.Id}/submit", "\"999\"");

        var log = await (await auditor.GetAsync("/api/v1/audit", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();
        log.Items.Select(e => e.Action).ShouldBe(["document.upload"]);
    }

    [Fact]
    public async Task Editing_a_row_in_the_database_is_reported_as_the_first_broken_link()
    {
        await using var api = NewApi();
        var drafter = api.ClientFor("ubnd.chuyenvien", _organ, ["drafter"]);
        var auditor = api.ClientFor("ubnd.kiemtra", _organ, ["auditor"]);
        await UploadAndSubmitAsync(drafter);
        await UploadAndSubmitAsync(drafter);

        await using (var db = api.CreateDb())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 3", Ct);

        var verification = await (await auditor.GetAsync("/api/v1/audit/verify", Ct)).ShouldBeJsonAsync<AuditVerification>();
        verification.Valid.ShouldBeFalse();
        verification.FirstBrokenLink!.Sequence.ShouldBe(3);
        verification.EntriesVerified.ShouldBe(2);

        var exitCode = await new RootCommand { AuditVerifyCommand.Create() }
            .Parse(["audit-verify", "--provider", api.Provider.ToString(), "--connection", api.ConnectionString])
            .InvokeAsync(cancellationToken: Ct);
        exitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_a_row_is_reported_as_a_missing_entry()
    {
        await using var api = NewApi();
        var drafter = api.ClientFor("d", _organ, ["drafter"]);
        var auditor = api.ClientFor("a", _organ, ["auditor"]);
        await UploadAndSubmitAsync(drafter);
        await UploadAndSubmitAsync(drafter);

        await using (var db = api.CreateDb())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2", Ct);

        var verification = await (await auditor.GetAsync("/api/v1/audit/verify", Ct)).ShouldBeJsonAsync<AuditVerification>();
        verification.Valid.ShouldBeFalse();
        verification.FirstBrokenLink!.Sequence.ShouldBe(3);
        verification.FirstBrokenLink.Reason.ShouldContain("missing");
    }

    [Fact]
    public async Task Cli_reports_an_intact_chain_with_exit_code_zero()
    {
        await using var api = NewApi();
        await UploadAndSubmitAsync(api.ClientFor("d", _organ, ["drafter"]));

        var exitCode = await new RootCommand { AuditVerifyCommand.Create() }
            .Parse(["audit-verify", "--provider", api.Provider.ToString(), "--connection", api.ConnectionString])
            .InvokeAsync(cancellationToken: Ct);

        exitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Audit_log_pages_by_cursor_and_shows_only_the_callers_organ()
    {
        await using var api = NewApi();
        var drafter = api.ClientFor("d", _organ, ["drafter"]);
        var auditor = api.ClientFor("a", _organ, ["auditor"]);
        for (var i = 0; i < 3; i++)
            await UploadAndSubmitAsync(drafter);
        await UploadAndSubmitAsync(api.ClientFor("d", TestOrgans.New(), ["drafter"]));

        var first = await (await auditor.GetAsync("/api/v1/audit?limit=4", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();
        var rest = await (await auditor.GetAsync($"/api/v1/audit?limit=4&after={first.NextCursor}", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();

        first.Items.Count.ShouldBe(4);
        first.NextCursor.ShouldNotBeNull();
        rest.Items.Count.ShouldBe(2);
        rest.NextCursor.ShouldBeNull();
        first.Items.Concat(rest.Items).ShouldAllBe(e => e.OrganId == _organ);
    }

    [Fact]
    public async Task Only_auditors_read_the_audit_log()
    {
        await using var api = NewApi();

        await (await api.ClientFor("d", _organ, ["drafter", "signer", "clerk"]).GetAsync("/api/v1/audit", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

public sealed class AuditTrailOnSqliteTests : AuditTrailTests
{
    protected override ApiFactory NewApi() => new SqliteApi();
}

[Trait("Category", "Postgres")]
public sealed class AuditTrailOnPostgresTests : AuditTrailTests
{
    protected override ApiFactory NewApi() => new PostgresApi();
}
