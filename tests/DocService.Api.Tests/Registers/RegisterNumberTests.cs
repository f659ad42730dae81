using System.Net;
using DocService.Api.Domain;
using DocService.Api.Features.Registers;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Registers;

/// <summary>Register numbers: from 1 per organ and year, gap-free and unique under concurrency; run on both providers.</summary>
public abstract class RegisterNumberTests(ApiFactory api)
{
    readonly OrganId _organ = OrganId.Parse(TestOrgans.New());
    CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Takes one number in its own transaction, as the clerk's issue step will.</summary>
    async Task<int> TakeAsync(RegisterKind kind, OrganId organ, int year, bool commit = true)
    {
        return await api.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DocServiceDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var number = await services.GetRequiredService<Api.Infrastructure.Registers.Registers>().TakeNumberAsync(kind, organ, year, Ct);
            if (commit)
                await transaction.CommitAsync(Ct);
            else
                await transaction.RollbackAsync(Ct);
            return number;
        });
    }

    [Fact]
    public async Task Twenty_five_parallel_takers_get_one_to_twenty_five_without_gap_or_duplicate()
    {
        _ = api.ClientFor(_organ.Value, "clerk"); // starts the host (and skips when the database is absent)

        var numbers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() => TakeAsync(RegisterKind.Outgoing, _organ, 2026))));

        numbers.Order().ShouldBe(Enumerable.Range(1, 25));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_gap()
    {
        _ = api.ClientFor(_organ.Value, "clerk");

        (await TakeAsync(RegisterKind.Outgoing, _organ, 2026)).ShouldBe(1);
        (await TakeAsync(RegisterKind.Outgoing, _organ, 2026, commit: false)).ShouldBe(2);
        (await TakeAsync(RegisterKind.Outgoing, _organ, 2026)).ShouldBe(2);
    }

    [Fact]
    public async Task Each_register_organ_and_year_counts_on_its_own()
    {
        _ = api.ClientFor(_organ.Value, "clerk");
        var other = OrganId.Parse(TestOrgans.New());

        (await TakeAsync(RegisterKind.Outgoing, _organ, 2026)).ShouldBe(1);
        (await TakeAsync(RegisterKind.Outgoing, _organ, 2026)).ShouldBe(2);
        (await TakeAsync(RegisterKind.Incoming, _organ, 2026)).ShouldBe(1);
        (await TakeAsync(RegisterKind.Outgoing, _organ, 2027)).ShouldBe(1);
        (await TakeAsync(RegisterKind.Outgoing, other, 2026)).ShouldBe(1);
    }

    [Fact]
    public async Task Numbers_cannot_be_taken_outside_a_transaction()
    {
        _ = api.ClientFor(_organ.Value, "clerk");

        await Should.ThrowAsync<InvalidOperationException>(api.WithScopeAsync(services =>
            services.GetRequiredService<Api.Infrastructure.Registers.Registers>().TakeNumberAsync(RegisterKind.Outgoing, _organ, 2026, Ct)));
    }

    [Fact]
    public async Task Outgoing_register_lists_issued_documents_in_number_order_with_the_ten_columns()
    {
        var clerk = api.ClientFor(_organ.Value, "clerk");
        await using (var db = api.CreateDb())
        {
            foreach (var (number, subject) in new[] { (2, "Về việc B"), (1, "Về việc A") })
            {
                var document = Document.CreateOutgoing(Guid.NewGuid(), _organ,
                    new DocumentMetadata("Quyết định", subject, "QĐ-UBND", "TM.", "Chủ tịch", "Nguyễn Văn An", ToPlaces: "Như Điều 3"),
                    "drafter", DateTimeOffset.UtcNow);
                document.Submit(DateTimeOffset.UtcNow);
                document.Approve(DateTimeOffset.UtcNow);
                document.MarkSigned(DateTimeOffset.UtcNow, "Nguyễn Văn An");
                document.Issue(number, new DateOnly(2026, 3, number), DateTimeOffset.UtcNow);
                db.Documents.Add(document);
            }
            await db.SaveChangesAsync(Ct);
        }

        var register = await (await clerk.GetAsync("/api/v1/registers/outgoing?year=2026", Ct)).ShouldBeJsonAsync<RegisterView>();

        register.Columns.Count.ShouldBe(10);
        register.Items.Select(r => r["code"]).ShouldBe(["01/QĐ-UBND", "02/QĐ-UBND"]);
        register.Items[0]["date"].ShouldBe("01/03/2026");
        register.Items[0]["typeAndSubject"].ShouldBe("Quyết định: Về việc A");
        register.Items[0]["signer"].ShouldBe("Nguyễn Văn An");
        (await (await clerk.GetAsync("/api/v1/registers/outgoing?year=2025", Ct)).ShouldBeJsonAsync<RegisterView>()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Incoming_register_lists_registered_documents_by_arrival_number()
    {
        var clerk = api.ClientFor(_organ.Value, "clerk");
        await using (var db = api.CreateDb())
        {
            var document = Document.ReceiveIncoming(Guid.NewGuid(), _organ,
                new IncomingOrigin("000.00.12.H41", "Sở Tư pháp tỉnh Nghệ An", "000.00.12.H41,2026/03/01,15/STP-VP", 15, new DateOnly(2026, 3, 1)),
                new DocumentMetadata("Công văn", "V/v góp ý dự thảo", "STP-VP", DueDate: new DateOnly(2026, 3, 15)),
                new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
            document.Register(1, DateTimeOffset.UtcNow);
            db.Documents.Add(document);
            await db.SaveChangesAsync(Ct);
        }

        var register = await (await clerk.GetAsync("/api/v1/registers/incoming?year=2026", Ct)).ShouldBeJsonAsync<RegisterView>();

        register.Columns.Count.ShouldBe(10);
        var row = register.Items.ShouldHaveSingleItem();
        row["arrivalNumber"].ShouldBe("01");
        row["author"].ShouldBe("Sở Tư pháp tỉnh Nghệ An");
        row["code"].ShouldBe("15/STP-VP");
        row["arrivedOn"].ShouldBe("02/03/2026");
        row["dueDate"].ShouldBe("15/03/2026");
    }

    [Fact]
    public async Task Registers_are_for_clerks_and_auditors_only()
    {
        var drafter = api.ClientFor(_organ.Value, "drafter");

        await (await drafter.GetAsync("/api/v1/registers/outgoing?year=2026", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

public sealed class RegisterNumberOnSqliteTests(SqliteApi api) : RegisterNumberTests(api), IClassFixture<SqliteApi>;

[Trait("Category", "Postgres")]
public sealed class RegisterNumberOnPostgresTests(PostgresApi api) : RegisterNumberTests(api), IClassFixture<PostgresApi>;
