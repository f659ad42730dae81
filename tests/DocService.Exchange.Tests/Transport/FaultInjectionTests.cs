using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Tests.Support;
using DocService.Exchange.Transport;

namespace DocService.Exchange.Tests.Transport;

/// <summary>
/// With the axis dropping answers, failing with 500, delaying, reordering and redelivering, the transport's retries
/// deliver every package; the axis knows no idempotency key, so a send whose answer was lost is stored again, and a
/// receiver that deduplicates by edXML DocumentId registers each exactly once.
/// </summary>
public sealed class FaultInjectionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly EdocEnvelope Revoke = new(AxisMessageType.Edoc, [TestPackages.G22.OrganId], BusinessDocType.Revoke);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task Drops_500s_and_duplicates_still_deliver_each_package_exactly_once(int seed)
    {
        await using var axis = await RunningSimulator.StartAsync(new()
        {
            ["DropRate"] = "0.3",
            ["Http500Rate"] = "0.2",
            ["DuplicateRate"] = "0.5",
            ["Reorder"] = "true",
            ["Seed"] = seed.ToString(),
        });
        var h41 = axis.Transport(TestPackages.H41.OrganId, maxAttempts: 30);
        var g22 = axis.Transport(TestPackages.G22.OrganId, maxAttempts: 30);
        const int count = 12;

        var sent = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var package = TestPackages.Package(BusinessDocType.Revoke, i.ToString(), TestPackages.G22);
            sent.Add((await h41.SendEdocAsync(new MemoryStream(TestPackages.Bytes(package)), Revoke, Ct)).DocId);
        }

        axis.Store.Messages.Count.ShouldBeGreaterThanOrEqualTo(count);
        axis.Store.Requests[VdxpProtocol.SendEdoc].ShouldBeGreaterThan(count); // faults did happen

        // A receiver in the shape of the inbox: register once per DocumentId, acknowledge every delivery.
        var registered = new Dictionary<string, string>();
        var deliveries = 0;
        for (var round = 0; round < 50; round++)
        {
            var waiting = await g22.GetReceivedEdocListAsync(Ct);
            if (waiting.Count == 0)
                break;
            foreach (var item in waiting)
            {
                using var bytes = new MemoryStream();
                await g22.GetEdocAsync(item.DocId, bytes, Ct);
                bytes.Position = 0;
                using var package = EdXmlReader.Read(bytes);
                registered.TryAdd(package.Header.DocumentId, item.DocId);
                deliveries++;
                await g22.UpdateStatusAsync(item.DocId, TransportAck.Done, Ct);
            }
        }

        registered.Count.ShouldBe(count);
        registered.Values.Distinct().Count().ShouldBe(count);
        deliveries.ShouldBeGreaterThan(count); // the axis redelivered, and the receiver absorbed it
        (await g22.GetReceivedEdocListAsync(Ct)).ShouldBeEmpty();
        foreach (var docId in sent)
            (await h41.GetSentEdocListAsync(docId, Ct)).ShouldAllBe(r => r.State == DeliveryState.Done);
    }

    [Fact]
    public async Task A_slow_axis_is_retried_after_a_timeout_and_the_package_is_stored_once()
    {
        await using var axis = await RunningSimulator.StartAsync(new()
        {
            ["DelayMs"] = "1500",
            ["DelayRate"] = "0.5",
            ["Seed"] = "3",
        });
        var h41 = axis.Transport(TestPackages.H41.OrganId, maxAttempts: 10, attemptTimeout: TimeSpan.FromMilliseconds(500));

        for (var i = 1; i <= 4; i++)
        {
            var package = TestPackages.Package(BusinessDocType.Revoke, i.ToString(), TestPackages.G22);
            await h41.SendEdocAsync(new MemoryStream(TestPackages.Bytes(package)), Revoke, Ct);
        }

        axis.Store.Messages.Select(m => m.DocumentId).Distinct().Count().ShouldBe(4);
        axis.Store.Requests[VdxpProtocol.SendEdoc].ShouldBeGreaterThan(4);
    }

    [Fact]
    public async Task Reordering_changes_the_order_of_the_list_but_not_its_content()
    {
        await using var axis = await RunningSimulator.StartAsync(new() { ["Reorder"] = "true", ["Seed"] = "5" });
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        for (var i = 1; i <= 10; i++)
        {
            var package = TestPackages.Package(BusinessDocType.Revoke, i.ToString(), TestPackages.G22);
            await h41.SendEdocAsync(new MemoryStream(TestPackages.Bytes(package)), Revoke, Ct);
        }

        var ids = (await axis.Transport(TestPackages.G22.OrganId).GetReceivedEdocListAsync(Ct)).Select(i => int.Parse(i.DocId)).ToList();

        ids.Order().ShouldBe(ids.Order().Distinct()); // each copy once
        ids.Count.ShouldBe(10);
        ids.ShouldNotBe(ids.Order().ToList());
    }
}
