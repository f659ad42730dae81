using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Statistics;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Archive;
using DocService.Api.Tests.Infrastructure;
using DocService.Exchange.Model;
using DocService.Exchange.Transport;
using DocService.Exchange.Writing;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Tests.Exchange;

/// <summary>
/// Organ B's side, fed by packages a test sends as organ A straight over the axis: a PDF whose signature no longer
/// matches its bytes is refused with status 02 and its reason; documents registered and handled against their due
/// dates give the incoming figures of the statistics.
/// </summary>
public sealed class IncomingDocumentTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tampered_PDF_is_refused_with_02_and_handled_documents_count_on_time_late_and_overdue()
    {
        var (organA, organB) = (TestOrgans.New(), TestOrgans.New());
        await using var axis = await AxisSimulatorHost.StartAsync(new Dictionary<string, string> { ["sys-a"] = organA, ["sys-b"] = organB });
        await using var a = new ExchangeApi(DatabaseProvider.Sqlite, axis, organA, "sys-a");
        await using var b = new ExchangeApi(DatabaseProvider.Sqlite, axis, organB, "sys-b");
        var clerkB = b.ClientFor("vanthu", organB, ["clerk"]);
        var issuer = new IssuedDocuments(a, organA);
        await issuer.ProvisionKeysAsync();
        var issued = await issuer.IssuedAsync();
        var signedPdf = await (await issuer.Drafter.GetAsync($"/api/v1/documents/{issued.Id}/content", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var tampered = signedPdf.ToArray();
        var at = Array.LastIndexOf(tampered, (byte)'%') is > 100 and var p ? p / 2 : tampered.Length / 2;
        tampered[at] ^= 0x20; // inside what the signatures cover

        using var http = new HttpClient();
        var asA = new VdxpHttpTransport(http, new VdxpOptions
        {
            Endpoint = axis.Endpoint,
            OrganId = organA,
            SystemId = "sys-a",
            Secret = AxisSimulatorHost.SecretOf("sys-a"),
        });
        var today = VietnamTime.Today(DateTimeOffset.UtcNow);
        await SendAsync(asA, organA, organB, "101", today.AddDays(1), signedPdf);  // handled in time
        await SendAsync(asA, organA, organB, "102", today.AddDays(-1), signedPdf); // handled late
        await SendAsync(asA, organA, organB, "103", today.AddDays(-1), signedPdf); // still open past its due date
        await SendAsync(asA, organA, organB, "104", today.AddDays(1), tampered);   // refused

        await using var dbB = b.CreateDb();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (await dbB.Inbox.CountAsync(i => i.OrganId == organB, Ct) < 4 && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(100, Ct);
        var incoming = await dbB.Documents.Where(d => d.OrganId == organB).ToDictionaryAsync(d => d.CodeNumber!.Value, Ct);
        incoming.Keys.Order().ShouldBe([101, 102, 103, 104]);

        var refused = incoming[104];
        refused.Status.ShouldBe(DocumentStatus.Refused);
        refused.ArrivalNumber.ShouldBeNull();
        (await dbB.Verifications.SingleAsync(v => v.DocumentId == refused.Id, Ct)).Indication.ShouldBe("TotalFailed");
        var refusal = await dbB.Outbox.SingleAsync(m => m.DocumentId == refused.Id, Ct);
        (refusal.StatusCode, refusal.RecipientOrganId, refusal.EdXmlDocumentId).ShouldBe((2, organA, refused.SenderDocumentId));
        refusal.Description.ShouldNotBeNullOrWhiteSpace();
        incoming.Where(d => d.Key != 104).Select(d => d.Value.ArrivalNumber!.Value).Order().ShouldBe([1, 2, 3]);

        foreach (var number in new[] { 101, 102 })
        {
            var version = incoming[number].Version;
            foreach (var code in new[] { "04", "05", "06" })
            {
                var answer = await (await clerkB.PostJsonAsync($"/api/v1/documents/{incoming[number].Id}/status", new { code, note = "Phòng Tư pháp" }, $"\"{version}\""))
                    .ShouldBeJsonAsync<DocumentResponse>();
                version = answer.Version;
            }
        }
        (await dbB.Documents.Where(d => d.OrganId == organB && d.Status == DocumentStatus.Completed).CountAsync(Ct)).ShouldBe(2);
        (await dbB.Outbox.CountAsync(m => m.OrganId == organB && m.StatusCode >= 4, Ct)).ShouldBe(6);

        var stats = await (await clerkB.GetAsync($"/api/v1/stats?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct))
            .ShouldBeJsonAsync<GetStatistics.Response>();
        stats.Incoming.ShouldBe(new GetStatistics.Incoming(Received: 4, Processed: 2, OnTime: 1, Late: 1, InProgress: 1, Overdue: 1, NotYetDue: 0));
        var statsA = await (await issuer.Clerk.GetAsync($"/api/v1/stats?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct))
            .ShouldBeJsonAsync<GetStatistics.Response>();
        statsA.Outgoing.ShouldSatisfyAllConditions(o => o.Issued.ShouldBe(1), o => o.Sent.ShouldBe(0), o => o.Acknowledged.ShouldBe(0));
    }

    static async Task SendAsync(IAxisTransport transport, string from, string to, string number, DateOnly due, byte[] pdf)
    {
        var code = new DocService.Exchange.Model.DocumentCode(number, "QĐ-UBND");
        var date = VietnamTime.Today(DateTimeOffset.UtcNow);
        var documentId = MessageHeader.ComposeDocumentId(from, date, code);
        var package = new EdXmlPackage(
            new MessageHeader(new Organization(from, "UBND tỉnh"), [new Organization(to)], documentId, code,
                new PromulgationInfo("Nghệ An", date), new DocService.Exchange.Model.DocumentType(1, 0, "Quyết định"), "Về việc thử nghiệm", DueDate: due),
            new TraceHeaderList([new TraceHeader(from, DateTimeOffset.UtcNow)], new Business(documentId, BusinessDocType.New)),
            [EdXmlAttachment.Create($"{number}.pdf", AttachmentContent.FromBytes(pdf))]);
        await transport.SendEdocAsync(new MemoryStream(EdXmlWriter.ToBytes(package)), new EdocEnvelope(AxisMessageType.Edoc, [to]), Ct);
    }
}
