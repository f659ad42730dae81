using System.Text;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Tests.Support;
using DocService.Exchange.Transport;

namespace DocService.Exchange.Tests.Transport;

/// <summary>The HTTP transport against the simulator on loopback: the protocol both ways.</summary>
public sealed class SimulatorExchangeTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static MemoryStream Stream(EdXmlMessage message) => new(TestPackages.Bytes(message));

    [Fact]
    public async Task A_package_goes_to_each_recipient_and_their_status_comes_back_to_the_sender()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        var g22 = axis.Transport(TestPackages.G22.OrganId);
        var package = TestPackages.Package(BusinessDocType.New, "15", TestPackages.G22);

        var sent = await h41.SendEdocAsync(Stream(package), AxisMessageType.Edoc, "outbox-1", Ct);

        var waiting = (await g22.GetReceivedEdocListAsync(Ct)).ShouldHaveSingleItem();
        waiting.DocId.ShouldBe(sent.DocId);
        waiting.From.ShouldBe(TestPackages.H41.OrganId);
        waiting.MessageType.ShouldBe(AxisMessageType.Edoc);
        using var download = new MemoryStream();
        var got = await g22.GetEdocAsync(sent.DocId, download, Ct);
        got.Length.ShouldBe(download.Length);
        download.Position = 0;
        using (var received = EdXmlReader.Read(download))
            await received.ShouldEqualPackage(package);
        (await h41.GetSentEdocListAsync(Ct)).Single().Recipients.Single().State.ShouldBe(DeliveryState.Delivered);

        await g22.UpdateStatusAsync(sent.DocId, TransportAck.Done, Ct);
        (await g22.GetReceivedEdocListAsync(Ct)).ShouldBeEmpty();
        await g22.SendEdocAsync(Stream(TestPackages.Status(StatusCode.Accepted, TestPackages.G22, package)), AxisMessageType.Status, "status-1", Ct);

        var statusInfo = (await h41.GetReceivedEdocListAsync(Ct)).ShouldHaveSingleItem();
        statusInfo.MessageType.ShouldBe(AxisMessageType.Status);
        using var statusBytes = new MemoryStream();
        await h41.GetEdocAsync(statusInfo.DocId, statusBytes, Ct);
        statusBytes.Position = 0;
        EdXmlReader.ReadStatus(statusBytes).Code.ShouldBe(StatusCode.Accepted);
        var recipient = (await h41.GetSentEdocListAsync(Ct)).Single(s => s.DocId == sent.DocId).Recipients.Single();
        recipient.OrganId.ShouldBe(TestPackages.G22.OrganId);
        recipient.State.ShouldBe(DeliveryState.Done);
        recipient.LastStatusCode.ShouldBe("03");
    }

    [Fact]
    public async Task A_package_is_routed_by_organ_code_only_to_the_organs_named_in_To()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);

        await h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.New, "1", TestPackages.H14)), AxisMessageType.Edoc, "k1", Ct);

        (await axis.Transport(TestPackages.H14.OrganId).GetReceivedEdocListAsync(Ct)).Count.ShouldBe(1);
        (await axis.Transport(TestPackages.G22.OrganId).GetReceivedEdocListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_401_and_not_retried()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var impostor = axis.Transport(TestPackages.H41.OrganId, secret: "guessed");

        var e = await Should.ThrowAsync<AxisBusinessException>(() => impostor.GetReceivedEdocListAsync(Ct));

        e.HttpStatus.ShouldBe(401);
        e.ErrorCode.ShouldBe("auth.failed");
        axis.Store.Requests[VdxpProtocol.GetReceivedEdocList].ShouldBe(1);
    }

    [Fact]
    public async Task A_request_whose_headers_were_changed_after_signing_is_refused()
    {
        await using var axis = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        var headers = new Dictionary<string, string>
        {
            ["from"] = TestPackages.H41.OrganId,
            ["systemid"] = RunningSimulator.H41System,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["docid"] = "1",
        };
        var signature = VdxpProtocol.ComputeSignature(RunningSimulator.H41Secret, VdxpProtocol.Canonicalize("getEdoc", headers));
        headers["docid"] = "2";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axis.Endpoint, "getEdoc"));
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        request.Headers.Add("signature", signature);

        using var response = await http.SendAsync(request, Ct);

        ((int)response.StatusCode).ShouldBe(401);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"status\":\"FAIL\"");
    }

    [Fact]
    public async Task A_business_error_is_not_retried()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        var unknown = new Organization("000.00.00.Z99", "Không kết nối");

        var e = await Should.ThrowAsync<AxisBusinessException>(() =>
            h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.New, "2", unknown)), AxisMessageType.Edoc, "k2", Ct));

        e.ErrorCode.ShouldBe("organ.unknown");
        axis.Store.Requests[VdxpProtocol.SendEdoc].ShouldBe(1);
        axis.Store.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_malformed_package_is_refused_by_the_axis_with_the_reader_code()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);

        var e = await Should.ThrowAsync<AxisBusinessException>(() =>
            h41.SendEdocAsync(new MemoryStream(Encoding.UTF8.GetBytes("<edXML><oops></edXML>")), AxisMessageType.Edoc, "k3", Ct));

        e.ErrorCode.ShouldBe("edxml.malformed");
        axis.Store.Requests[VdxpProtocol.SendEdoc].ShouldBe(1);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_package_is_a_conflict()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        await h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.New, "3")), AxisMessageType.Edoc, "same", Ct);

        var e = await Should.ThrowAsync<AxisBusinessException>(() =>
            h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.New, "4")), AxisMessageType.Edoc, "same", Ct));

        e.ErrorCode.ShouldBe("idempotency.conflict");
        axis.Store.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Transient_failures_give_up_after_the_configured_attempts()
    {
        await using var axis = await RunningSimulator.StartAsync(new() { ["Http500Rate"] = "1" });
        var h41 = axis.Transport(TestPackages.H41.OrganId, maxAttempts: 3);

        var e = await Should.ThrowAsync<AxisUnavailableException>(() => h41.GetSentEdocListAsync(Ct));

        e.Attempts.ShouldBe(3);
        axis.Store.Requests[VdxpProtocol.GetSentEdocList].ShouldBe(3);
    }
}
