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

    static EdocEnvelope Edoc(Organization to) => new(AxisMessageType.Edoc, [to.OrganId]);

    [Fact]
    public async Task A_package_goes_to_each_recipient_and_their_status_comes_back_to_the_sender()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        var g22 = axis.Transport(TestPackages.G22.OrganId);
        var package = TestPackages.Package(BusinessDocType.New, "15", TestPackages.G22);

        var sent = await h41.SendEdocAsync(Stream(package), new EdocEnvelope(AxisMessageType.Edoc, [TestPackages.G22.OrganId]), Ct);

        var waiting = (await g22.GetReceivedEdocListAsync(Ct)).ShouldHaveSingleItem();
        var copy = (await h41.GetSentEdocListAsync(sent.DocId, Ct)).ShouldHaveSingleItem();
        copy.State.ShouldBe(DeliveryState.Pending);
        waiting.DocId.ShouldBe(copy.ReceiverDocId); // the axis keeps one copy per recipient, under its own docId
        waiting.From.ShouldBe(TestPackages.H41.OrganId);
        waiting.To.ShouldBe(TestPackages.G22.OrganId);
        waiting.MessageType.ShouldBe(AxisMessageType.Edoc);
        using var download = new MemoryStream();
        var got = await g22.GetEdocAsync(waiting.DocId, download, Ct);
        got.Length.ShouldBe(download.Length);
        download.Position = 0;
        using (var received = EdXmlReader.Read(download))
            await received.ShouldEqualPackage(package);
        (await h41.GetSentEdocListAsync(sent.DocId, Ct)).Single().State.ShouldBe(DeliveryState.Delivered);

        await g22.UpdateStatusAsync(waiting.DocId, TransportAck.Done, Ct);
        (await g22.GetReceivedEdocListAsync(Ct)).ShouldBeEmpty();
        await g22.SendEdocAsync(Stream(TestPackages.Status(StatusCode.Accepted, TestPackages.G22, package)),
            new EdocEnvelope(AxisMessageType.Status, [TestPackages.H41.OrganId]), Ct);

        var statusInfo = (await h41.GetReceivedEdocListAsync(Ct)).ShouldHaveSingleItem();
        statusInfo.MessageType.ShouldBe(AxisMessageType.Status);
        using var statusBytes = new MemoryStream();
        await h41.GetEdocAsync(statusInfo.DocId, statusBytes, Ct);
        statusBytes.Position = 0;
        EdXmlReader.ReadStatus(statusBytes).Code.ShouldBe(StatusCode.Accepted);
        var recipient = (await h41.GetSentEdocListAsync(sent.DocId, Ct)).Single();
        recipient.OrganId.ShouldBe(TestPackages.G22.OrganId);
        recipient.State.ShouldBe(DeliveryState.Done);
        recipient.ReceiveStatus.ShouldBe("done");
        recipient.SentTime.ShouldNotBeNull();
        recipient.ReceivedTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task Business_types_travel_under_their_own_message_types_and_an_unreadable_package_can_be_refused_with_fail()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        var g22 = axis.Transport(TestPackages.G22.OrganId);

        var revoke = await h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.Revoke, "5", TestPackages.G22)),
            new EdocEnvelope(AxisMessageType.Edoc, [TestPackages.G22.OrganId], BusinessDocType.Revoke), Ct);

        axis.Store.Messages.Single().MessageType.ShouldBe("revocation");
        var item = (await g22.GetReceivedEdocListAsync(Ct)).ShouldHaveSingleItem();
        item.MessageType.ShouldBe(AxisMessageType.Edoc);
        await g22.UpdateStatusAsync(item.DocId, TransportAck.Fail, Ct);
        (await g22.GetReceivedEdocListAsync(Ct)).ShouldBeEmpty();
        var state = (await h41.GetSentEdocListAsync(revoke.DocId, Ct)).Single();
        state.State.ShouldBe(DeliveryState.Failed);
        state.ReceiveStatus.ShouldBe("fail");
    }

    [Fact]
    public async Task A_package_is_routed_by_organ_code_only_to_the_organs_named_in_To()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);

        await h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.New, "1", TestPackages.H14)), Edoc(TestPackages.H14), Ct);

        // G22 and H14 are one system: its list holds the copy, marked for H14 alone.
        (await axis.Transport(TestPackages.G22.OrganId).GetReceivedEdocListAsync(Ct)).ShouldHaveSingleItem().To.ShouldBe(TestPackages.H14.OrganId);
        (await h41.GetReceivedEdocListAsync(Ct)).ShouldBeEmpty();
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

    [Theory]
    [InlineData("XroadVnpt-docId", "2")] // a signed header changed after signing
    [InlineData("XroadVnpt-sign-header-key", "systemid;docId;timestamp")] // a key dropped from the list
    [InlineData("XroadVnpt-hash-header", "00")]
    public async Task A_request_whose_signed_headers_do_not_hold_together_is_refused(string header, string value)
    {
        await using var axis = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axis.Endpoint, "getEdoc")) { Content = new ByteArrayContent([]) };
        foreach (var (name, v) in VdxpProtocol.Sign(RunningSimulator.H41System, RunningSimulator.H41Secret, DateTimeOffset.UtcNow,
                     VdxpProtocol.Json, [new(VdxpProtocol.DocId, "1")]))
        {
            if (name != VdxpProtocol.ContentType && name != "User-Agent")
                request.Headers.TryAddWithoutValidation(name, name == header ? value : v);
        }

        using var response = await http.SendAsync(request, Ct);

        ((int)response.StatusCode).ShouldBe(401);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"status\":\"FAIL\"");
    }

    [Fact]
    public async Task A_system_the_axis_does_not_know_is_refused()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var stranger = new VdxpHttpTransport(new HttpClient(), new VdxpOptions
        {
            Endpoint = axis.Endpoint, OrganId = TestPackages.H41.OrganId, SystemId = "sys-unknown", Secret = "x", MaxAttempts = 1,
        });

        var e = await Should.ThrowAsync<AxisBusinessException>(() => stranger.GetReceivedEdocListAsync(Ct));

        e.ErrorDescription.ShouldContain("Unknown system");
    }

    [Fact]
    public async Task A_package_whose_hash_file_is_not_its_SHA256_is_refused()
    {
        await using var axis = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        var body = TestPackages.Bytes(TestPackages.Package(BusinessDocType.New, "9", TestPackages.G22));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axis.Endpoint, "sendEdoc")) { Content = new ByteArrayContent(body) };
        foreach (var (name, v) in VdxpProtocol.Sign(RunningSimulator.H41System, RunningSimulator.H41Secret, DateTimeOffset.UtcNow, VdxpProtocol.OctetStream,
                     [new(VdxpProtocol.From, TestPackages.H41.OrganId), new(VdxpProtocol.ServiceType, "eDoc"), new(VdxpProtocol.MessageType, "edoc"),
                      new(VdxpProtocol.HashFile, VdxpProtocol.FormatHashFile(new byte[32]))]))
        {
            if (name != VdxpProtocol.ContentType && name != "User-Agent")
                request.Headers.TryAddWithoutValidation(name, v);
        }

        using var response = await http.SendAsync(request, Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("hash.mismatch");
        axis.Store.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_business_error_is_not_retried()
    {
        await using var axis = await RunningSimulator.StartAsync();
        var h41 = axis.Transport(TestPackages.H41.OrganId);
        var unknown = new Organization("000.00.00.Z99", "Không kết nối");

        var e = await Should.ThrowAsync<AxisBusinessException>(() =>
            h41.SendEdocAsync(Stream(TestPackages.Package(BusinessDocType.New, "2", unknown)), Edoc(unknown), Ct));

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
            h41.SendEdocAsync(new MemoryStream(Encoding.UTF8.GetBytes("<edXML><oops></edXML>")), Edoc(TestPackages.H14), Ct));

        e.ErrorCode.ShouldBe("edxml.malformed");
        axis.Store.Requests[VdxpProtocol.SendEdoc].ShouldBe(1);
    }

    [Fact]
    public async Task Transient_failures_give_up_after_the_configured_attempts()
    {
        await using var axis = await RunningSimulator.StartAsync(new() { ["Http500Rate"] = "1" });
        var h41 = axis.Transport(TestPackages.H41.OrganId, maxAttempts: 3);

        var e = await Should.ThrowAsync<AxisUnavailableException>(() => h41.GetSentEdocListAsync("1", Ct));

        e.Attempts.ShouldBe(3);
        axis.Store.Requests[VdxpProtocol.GetSentEdocList].ShouldBe(3);
    }
}
