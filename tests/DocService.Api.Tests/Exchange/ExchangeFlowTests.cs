using System.Diagnostics;
using System.Net;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Exchange;
using DocService.Api.Features.Statistics;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Archive;
using DocService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Tests.Exchange;

/// <summary>
/// Organ A and organ B, each its own service and database, exchange over the axis simulator (DESIGN §7): A issues
/// and dispatches, B receives, verifies, registers and answers 01 then 03, which A sees per recipient; then many
/// documents through an axis that drops, duplicates and fails calls, each registered exactly once.
/// </summary>
public abstract class ExchangeFlowTests(DatabaseProvider provider)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class TwoOrgans : IAsyncDisposable
    {
        public required AxisSimulatorHost Axis { get; init; }
        public required ExchangeApi A { get; init; }
        public required ExchangeApi B { get; init; }
        /// <summary>A third organ, for the update flow only.</summary>
        public ExchangeApi? C { get; init; }
        public required IssuedDocuments Issuer { get; init; }

        public HttpClient ClerkB => B.ClientFor("vanthu", B.Organ, ["clerk"]);

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            if (C is not null)
                await C.DisposeAsync();
            await Axis.DisposeAsync();
        }
    }

    async Task<TwoOrgans> StartAsync(Dictionary<string, string?>? faults = null, bool withC = false)
    {
        var (organA, organB, organC) = (TestOrgans.New(), TestOrgans.New(), TestOrgans.New());
        var systems = new Dictionary<string, string> { ["sys-a"] = organA, ["sys-b"] = organB };
        if (withC)
            systems["sys-c"] = organC;
        var axis = await AxisSimulatorHost.StartAsync(systems, faults);
        var a = new ExchangeApi(provider, axis, organA, "sys-a");
        var b = new ExchangeApi(provider, axis, organB, "sys-b");
        var c = withC ? new ExchangeApi(provider, axis, organC, "sys-c") : null;
        // The hosts run from the start: B's receive worker polls before anyone calls B.
        a.ClientFor("vanthu", organA, ["clerk"]).Dispose();
        b.ClientFor("vanthu", organB, ["clerk"]).Dispose();
        c?.ClientFor("vanthu", organC, ["clerk"]).Dispose();
        return new TwoOrgans { Axis = axis, A = a, B = b, C = c, Issuer = new IssuedDocuments(a, organA) };
    }

    /// <summary>A issues a document and dispatches it to B; B has registered it and A has seen 01 and 03.</summary>
    static async Task<(DocumentResponse Sent, Guid ReceivedId)> DispatchedToBAsync(TwoOrgans organs)
    {
        await organs.Issuer.ProvisionKeysAsync();
        var issued = await organs.Issuer.IssuedAsync();
        var archived = await organs.Issuer.WaitForAsync(issued.Id, d => d.Status == DocumentStatus.Archived);
        var sent = await (await organs.Issuer.Clerk.PostJsonAsync($"/api/v1/documents/{issued.Id}/dispatch",
            new { recipients = new[] { organs.B.Organ } }, $"\"{archived.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        await WaitForStatusesAsync(organs, issued.Id, ["01", "03"]);
        await using var dbB = organs.B.CreateDb();
        var received = await dbB.Documents.SingleAsync(d => d.OrganId == organs.B.Organ, Ct);
        return (sent, received.Id);
    }

    static async Task<DocumentResponse> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();

    static async Task<DocumentResponse> WaitAsync(HttpClient client, Guid id, Func<DocumentResponse, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var document = await GetAsync(client, id);
            if (done(document))
                return document;
            if (DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"Document {id} did not get there: {System.Text.Json.JsonSerializer.Serialize(document)}");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task A_revokes_B_freezes_its_copy_refuses_16_then_agrees_15_and_the_document_is_revoked()
    {
        await using var organs = await StartAsync();
        var (sent, receivedId) = await DispatchedToBAsync(organs);
        var clerkA = organs.Issuer.Clerk;

        (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/revoke", new { reason = "" }, $"\"{sent.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/revoke", new { reason = "Sai sót" }))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var requested = await (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/revoke",
            new { reason = "Văn bản có sai sót, đề nghị trả lại" }, $"\"{sent.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        requested.Status.ShouldBe(DocumentStatus.RevokeRequested);
        await (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/revoke", new { reason = "again" }, $"\"{requested.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.invalid_transition");

        // B's copy is frozen by the revoke package: no handling step until B answers.
        var frozen = await WaitAsync(organs.ClerkB, receivedId, d => d.Frozen is not null);
        frozen.Frozen!.Reason.ShouldBe(DocumentFreeze.RevokeRequested);
        frozen.Frozen.Note.ShouldBe("Văn bản có sai sót, đề nghị trả lại");
        frozen.AllowedActions.ShouldBe([DocumentAction.Withdraw]);
        await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{receivedId}/status", new { code = "04" }, $"\"{frozen.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.frozen");

        // B refuses (16): its copy is unfrozen, A's document is dispatched again.
        var refused = await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{receivedId}/revoke-response",
            new { agree = false, note = "Đã triển khai" }, $"\"{frozen.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        refused.Status.ShouldBe(DocumentStatus.Registered);
        refused.Frozen.ShouldBeNull();
        await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{receivedId}/revoke-response", new { agree = true }, $"\"{refused.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.revoke_not_requested");
        await WaitForStatusesAsync(organs, sent.Id, ["01", "03", "13", "16"]);
        var again = await WaitAsync(clerkA, sent.Id, d => d.Status == DocumentStatus.Dispatched);

        // A asks again; B agrees (15): B's copy is withdrawn, A's document revoked.
        (await (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/revoke", new { reason = "Thu hồi" }, $"\"{again.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>()).Status.ShouldBe(DocumentStatus.RevokeRequested);
        var frozenAgain = await WaitAsync(organs.ClerkB, receivedId, d => d.Frozen is not null);
        var withdrawn = await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{receivedId}/revoke-response",
            new { agree = true }, $"\"{frozenAgain.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        withdrawn.Status.ShouldBe(DocumentStatus.Withdrawn);
        withdrawn.AllowedActions.ShouldBeEmpty();
        await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{receivedId}/status", new { code = "04" }, $"\"{withdrawn.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.invalid_transition");

        var recipients = await WaitForStatusesAsync(organs, sent.Id, ["01", "03", "13", "16", "13", "15"]);
        recipients.ShouldHaveSingleItem().Removed.ShouldBeFalse();
        (await WaitAsync(clerkA, sent.Id, d => d.Status == DocumentStatus.Revoked)).AllowedActions.ShouldBeEmpty();

        await using var dbB = organs.B.CreateDb();
        (await dbB.Inbox.Where(i => i.OrganId == organs.B.Organ).OrderBy(i => i.ReceivedAt).Select(i => i.Outcome).ToListAsync(Ct))
            .ShouldBe(["registered", "revoke", "revoke"]);
    }

    [Fact]
    public async Task A_replaces_a_dispatched_document_B_links_the_new_one_and_freezes_the_old()
    {
        await using var organs = await StartAsync();
        var (old, oldReceivedId) = await DispatchedToBAsync(organs);
        var issued = await organs.Issuer.IssuedAsync();
        var archived = await organs.Issuer.WaitForAsync(issued.Id, d => d.Status == DocumentStatus.Archived);
        await (await organs.Issuer.Clerk.PostJsonAsync($"/api/v1/documents/{issued.Id}/dispatch",
            new { recipients = new[] { organs.B.Organ }, replaces = issued.Id }, $"\"{archived.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await (await organs.Issuer.Clerk.PostJsonAsync($"/api/v1/documents/{issued.Id}/dispatch",
            new { recipients = new[] { organs.B.Organ }, replaces = old.Id }, $"\"{archived.Version}\"")).ShouldBeJsonAsync<DocumentResponse>())
            .Status.ShouldBe(DocumentStatus.Dispatched);
        await WaitForStatusesAsync(organs, issued.Id, ["01", "03"]);

        await using var dbB = organs.B.CreateDb();
        var replacementId = (await dbB.Documents.SingleAsync(d => d.OrganId == organs.B.Organ && d.Id != oldReceivedId, Ct)).Id;
        var replacement = await GetAsync(organs.ClerkB, replacementId);
        replacement.Status.ShouldBe(DocumentStatus.Registered);
        replacement.Incoming!.ReplacesDocumentId.ShouldBe(oldReceivedId);
        replacement.Frozen.ShouldBeNull();
        var frozen = await GetAsync(organs.ClerkB, oldReceivedId);
        frozen.Frozen!.Reason.ShouldBe(DocumentFreeze.Replaced);
        frozen.AllowedActions.ShouldBeEmpty();
        await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{oldReceivedId}/status", new { code = "04" }, $"\"{frozen.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.frozen");
        (await dbB.Inbox.Where(i => i.OrganId == organs.B.Organ).OrderBy(i => i.ReceivedAt).Select(i => i.Outcome).ToListAsync(Ct))
            .ShouldBe(["registered", "registered"]);
    }

    [Fact]
    public async Task A_adds_C_and_removes_B_C_receives_the_document_and_B_copy_is_frozen()
    {
        await using var organs = await StartAsync(withC: true);
        var (sent, receivedId) = await DispatchedToBAsync(organs);
        var (clerkA, c) = (organs.Issuer.Clerk, organs.C!);

        await (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/recipients", new { add = new[] { organs.B.Organ } }, $"\"{sent.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"); // B already has it
        var updated = await (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/recipients",
            new { add = new[] { c.Organ }, remove = new[] { organs.B.Organ } }, $"\"{sent.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        updated.Status.ShouldBe(DocumentStatus.Dispatched);
        updated.Recipients.ShouldBe([c.Organ]);

        // B: frozen, no more handling.
        var frozen = await WaitAsync(organs.ClerkB, receivedId, d => d.Frozen is not null);
        frozen.Frozen!.Reason.ShouldBe(DocumentFreeze.RecipientRemoved);
        frozen.AllowedActions.ShouldBeEmpty();
        await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{receivedId}/status", new { code = "04" }, $"\"{frozen.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.frozen");

        // C: received through the same outbox, registered, 01 and 03 back to A.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        List<GetRecipients.Recipient> recipients;
        while (true)
        {
            recipients = await (await clerkA.GetAsync($"/api/v1/documents/{sent.Id}/recipients", Ct)).ShouldBeJsonAsync<List<GetRecipients.Recipient>>();
            if (recipients.SingleOrDefault(r => r.OrganId == c.Organ)?.Statuses.Count == 2 || DateTimeOffset.UtcNow > deadline)
                break;
            await Task.Delay(100, Ct);
        }
        recipients.Count.ShouldBe(2);
        var removed = recipients.Single(r => r.OrganId == organs.B.Organ);
        removed.Removed.ShouldBeTrue();
        removed.Statuses.Select(s => s.Code).ShouldBe(["01", "03"]);
        var added = recipients.Single(r => r.OrganId == c.Organ);
        added.Removed.ShouldBeFalse();
        added.Statuses.Select(s => s.Code).ShouldBe(["01", "03"]);
        await using var dbC = c.CreateDb();
        (await dbC.Documents.SingleAsync(d => d.OrganId == c.Organ, Ct)).Status.ShouldBe(DocumentStatus.Registered);

        // A revoke now asks C only.
        var current = await GetAsync(clerkA, sent.Id);
        (await (await clerkA.PostJsonAsync($"/api/v1/documents/{sent.Id}/revoke", new { reason = "Thu hồi" }, $"\"{current.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>()).Status.ShouldBe(DocumentStatus.RevokeRequested);
        await using var dbA = organs.A.CreateDb();
        (await dbA.RecipientStatuses.Where(s => s.DocumentId == sent.Id && s.Code == 13).Select(s => s.RecipientOrganId).ToListAsync(Ct))
            .ShouldBe([c.Organ]);
    }

    [Fact]
    public async Task A_dispatched_document_is_received_verified_registered_and_A_sees_01_then_03()
    {
        await using var organs = await StartAsync();
        var (a, b) = (organs.A, organs.B);
        await organs.Issuer.ProvisionKeysAsync();
        var issued = await organs.Issuer.IssuedAsync();
        var archived = await organs.Issuer.WaitForAsync(issued.Id, d => d.Status == DocumentStatus.Archived);

        (await organs.Issuer.Clerk.PostActionAsync($"/api/v1/documents/{issued.Id}/dispatch", $"\"{archived.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no recipients on the document, none given
        var dispatched = await (await organs.Issuer.Clerk.PostJsonAsync($"/api/v1/documents/{issued.Id}/dispatch",
            new { recipients = new[] { b.Organ } }, $"\"{archived.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        dispatched.Status.ShouldBe(DocumentStatus.Dispatched);

        var recipients = await WaitForStatusesAsync(organs, issued.Id, ["01", "03"]);
        var recipient = recipients.ShouldHaveSingleItem();
        recipient.OrganId.ShouldBe(b.Organ);
        recipient.Transport.State.ShouldBe(OutboxState.Sent);
        recipient.Transport.AxisDocId.ShouldNotBeNull();
        recipient.Statuses.Select(s => s.Code).ShouldBe(["01", "03"]);

        await using var dbB = b.CreateDb();
        var received = await dbB.Documents.Include(d => d.Revisions).SingleAsync(d => d.OrganId == b.Organ, Ct);
        received.Kind.ShouldBe(DocumentKind.Incoming);
        received.Status.ShouldBe(DocumentStatus.Registered);
        received.ArrivalNumber.ShouldBe(1);
        received.SenderOrganId.ShouldBe(organs.Issuer.Organ);
        received.SenderDocumentId.ShouldBe($"{organs.Issuer.Organ},{issued.IssuedDate:yyyy'/'MM'/'dd},{issued.Code}");
        received.CodeNumber.ShouldBe(issued.CodeNumber);
        received.CurrentRevision.Sha256.ShouldBe(archived.Revisions.MaxBy(r => r.Number)!.Sha256); // the signed PDF, byte for byte
        (await dbB.Verifications.SingleAsync(v => v.DocumentId == received.Id, Ct)).Indication.ShouldNotBe("TotalFailed");
        (await dbB.Inbox.Where(i => i.OrganId == b.Organ).Select(i => i.Outcome).ToListAsync(Ct)).ShouldBe(["registered"]);

        // B assigns it: the status 04 reaches A too.
        var assigned = await (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{received.Id}/status",
            new { code = "04", note = "Phòng Tư pháp" }, $"\"{received.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        assigned.Status.ShouldBe(DocumentStatus.Assigned);
        (await organs.ClerkB.PostJsonAsync($"/api/v1/documents/{received.Id}/status", new { code = "03" }, $"\"{assigned.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await WaitForStatusesAsync(organs, issued.Id, ["01", "03", "04"]);

        // The transport side, apart from the statuses: the axis reports B acknowledged the package done.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        GetRecipients.Recipient tracked;
        do
        {
            tracked = (await (await organs.Issuer.Clerk.GetAsync($"/api/v1/documents/{issued.Id}/recipients", Ct))
                .ShouldBeJsonAsync<List<GetRecipients.Recipient>>()).Single();
            if (tracked.Transport.Delivery == DocService.Exchange.Transport.DeliveryState.Done || DateTimeOffset.UtcNow > deadline)
                break;
            await Task.Delay(100, Ct);
        } while (true);
        tracked.Transport.Delivery.ShouldBe(DocService.Exchange.Transport.DeliveryState.Done);

        var today = VietnamTime.Today(DateTimeOffset.UtcNow);
        var statsA = await (await organs.Issuer.Clerk.GetAsync($"/api/v1/stats?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct)).ShouldBeJsonAsync<GetStatistics.Response>();
        statsA.Outgoing.ShouldSatisfyAllConditions(o => o.Issued.ShouldBe(1), o => o.Sent.ShouldBe(1), o => o.Acknowledged.ShouldBe(1));
        var statsB = await (await organs.ClerkB.GetAsync($"/api/v1/stats?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct)).ShouldBeJsonAsync<GetStatistics.Response>();
        statsB.Incoming.ShouldBe(new GetStatistics.Incoming(1, 0, 0, 0, 1, 0, 1));
    }

    [Fact]
    [Trait("Category", "E2E")]
    public async Task Every_document_is_registered_once_and_every_status_returns_through_a_faulty_axis()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DOCSERVICE_E2E_DOCUMENTS"), out var n) ? n : 100;
        await using var organs = await StartAsync(new()
        {
            ["DropRate"] = "0.3",
            ["DuplicateRate"] = "0.3",
            ["Http500Rate"] = "0.1",
            ["Seed"] = "20260301",
        });
        var (a, b) = (organs.A, organs.B);
        await organs.Issuer.ProvisionKeysAsync();
        var watch = Stopwatch.StartNew();

        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (_, _) =>
        {
            var issued = await organs.Issuer.IssuedAsync();
            // The document's own status, not its archive job's: the two are read apart, the version with the document.
            var archived = await organs.Issuer.WaitForAsync(issued.Id, d => d.Status == DocumentStatus.Archived, seconds: 120);
            (await organs.Issuer.Clerk.PostJsonAsync($"/api/v1/documents/{issued.Id}/dispatch", new { recipients = new[] { b.Organ } }, $"\"{archived.Version}\""))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            ids.Add(issued.Id);
        });
        var issuedIn = watch.Elapsed;

        await using var dbA = a.CreateDb();
        await using var dbB = b.CreateDb();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(180);
        while (true)
        {
            var statuses = await dbA.RecipientStatuses.CountAsync(s => s.OrganId == a.Organ, Ct);
            if (statuses >= 2 * count || DateTimeOffset.UtcNow > deadline)
                break;
            await Task.Delay(200, Ct);
        }
        await Task.Delay(1000, Ct); // let redelivered duplicates arrive, to prove they change nothing

        var incoming = await dbB.Documents.Where(d => d.OrganId == b.Organ).ToListAsync(Ct);
        var history = await dbA.RecipientStatuses.Where(s => s.OrganId == a.Organ).ToListAsync(Ct);
        var inbox = await dbB.Inbox.Where(i => i.OrganId == b.Organ).ToListAsync(Ct);
        var outbox = await dbA.Outbox.Where(m => m.OrganId == a.Organ).ToListAsync(Ct);
        var outboxB = await dbB.Outbox.Where(m => m.OrganId == b.Organ).ToListAsync(Ct);
        var inboxA = await dbA.Inbox.Where(i => i.OrganId == a.Organ).ToListAsync(Ct);
        var sendAttempts = outbox.Sum(m => m.Attempts) + outboxB.Sum(m => m.Attempts);
        var report = $"E2E {provider}: {count} documents issued and dispatched in {issuedIn.TotalSeconds:0.0}s, total {watch.Elapsed.TotalSeconds:0.0}s; " +
            $"B registered {incoming.Count(d => d.Status == DocumentStatus.Registered)} (distinct sender ids {incoming.Select(d => d.SenderDocumentId).Distinct().Count()}, " +
            $"arrival numbers {incoming.Select(d => d.ArrivalNumber).Distinct().Count()}), inbox {inbox.Count} (offered again after a lost acknowledgement: {inbox.Count(i => i.Deliveries > 1)} at B, {inboxA.Count(i => i.Deliveries > 1)} at A; {string.Join(", ", inbox.GroupBy(i => i.Outcome).Select(g => $"{g.Key} {g.Count()}"))}); " +
            $"A outbox sent {outbox.Count(m => m.State == OutboxState.Sent)}/{outbox.Count}, B outbox sent {outboxB.Count(m => m.State == OutboxState.Sent)}/{outboxB.Count}; A status history {history.Count} " +
            $"({string.Join(", ", history.GroupBy(s => s.Code).OrderBy(g => g.Key).Select(g => $"{g.Key:00}: {g.Count()}"))}); worker send attempts {sendAttempts} for {outbox.Count + outboxB.Count} messages";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);

        incoming.Count.ShouldBe(count, report);
        incoming.ShouldAllBe(d => d.Status == DocumentStatus.Registered, report);
        incoming.Select(d => d.SenderDocumentId).Distinct().Count().ShouldBe(count, report);
        incoming.Select(d => d.ArrivalNumber!.Value).Order().ShouldBe(Enumerable.Range(1, count), report);
        foreach (var id in ids)
            history.Where(s => s.DocumentId == id).OrderBy(s => s.Timestamp).ThenBy(s => s.Code).Select(s => s.Code).ShouldBe([1, 3], $"document {id}");
        history.Count.ShouldBe(2 * count, report);
        outbox.Count.ShouldBe(count, report);
        outbox.ShouldAllBe(m => m.State == OutboxState.Sent, report);
        outboxB.Count.ShouldBe(2 * count, report);
        outboxB.ShouldAllBe(m => m.State == OutboxState.Sent, report);
        // The axis knows no idempotency key: a package whose send lost its answer was sent again and arrived as a
        // second copy under a new docId, which the inbox recognised (duplicate) instead of recording it twice.
        inboxA.Count(i => i.Outcome == "status").ShouldBe(2 * count, report);
        inboxA.Concat(inbox).Where(i => i.Outcome is not ("status" or "registered")).ShouldAllBe(i => i.Outcome == "duplicate", report);
        inbox.Concat(inboxA).ShouldContain(i => i.Deliveries > 1, "the axis was asked to duplicate 30 % of deliveries");
    }

    static async Task<IReadOnlyList<GetRecipients.Recipient>> WaitForStatusesAsync(TwoOrgans organs, Guid id, string[] codes)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var recipients = await (await organs.Issuer.Clerk.GetAsync($"/api/v1/documents/{id}/recipients", Ct))
                .ShouldBeJsonAsync<List<GetRecipients.Recipient>>();
            if (recipients.Count > 0 && recipients.All(r => r.Statuses.Select(s => s.Code).SequenceEqual(codes)))
                return recipients;
            if (DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"Statuses {string.Join(",", codes)} did not arrive: {System.Text.Json.JsonSerializer.Serialize(recipients)}");
            await Task.Delay(100, Ct);
        }
    }
}

public sealed class SqliteExchangeFlowTests() : ExchangeFlowTests(DatabaseProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresExchangeFlowTests() : ExchangeFlowTests(DatabaseProvider.Postgres);
