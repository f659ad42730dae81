using System.Text;
using DocService.Exchange.Tests.Support;
using DocService.Exchange.Transport;

namespace DocService.Exchange.Tests.Transport;

/// <summary>
/// Golden requests: for fixed inputs, the headers the SDK would send, worked out by hand from the SDK's rules (Java's
/// String.hashCode and HashMap bucket order, Gson's compact JSON, HMAC-SHA256 in hex, the unpadded hash-file) with a
/// separate script, and compared with what leaves the socket byte for byte.
/// </summary>
public sealed class VdxpProtocolTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 2026-01-01 00:00:00.042 UTC is 07:00:00.042 in Vietnam.
    static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, 42, TimeSpan.Zero);

    VdxpHttpTransport Transport(RawHttpCapture capture) => new(new HttpClient(), new VdxpOptions
    {
        Endpoint = capture.Endpoint,
        OrganId = "000.00.00.H41",
        SystemId = "sys-h41",
        Secret = "secret-h41",
        MaxAttempts = 1,
    }, new StoppedClock(At));

    [Fact]
    public void The_timestamp_is_day_month_year_T_time_plus_four_digit_milliseconds_in_Vietnam_time()
    {
        VdxpProtocol.FormatTimestamp(At).ShouldBe("01012026T070000+0042");
        VdxpProtocol.TryParseTimestamp("01012026T070000+0042", out var parsed).ShouldBeTrue();
        parsed.ShouldBe(At);
        VdxpProtocol.TryParseTimestamp("2026-01-01T07:00:00", out _).ShouldBeFalse();
    }

    [Fact]
    public void Hash_file_drops_the_leading_zero_of_each_byte_as_Integer_toHexString_does()
    {
        VdxpProtocol.FormatHashFile([0x00, 0x0a, 0xff, 0x10]).ShouldBe("0aff10");
        VdxpProtocol.HashFileMatches("0AFF10", [0x00, 0x0a, 0xff, 0x10]).ShouldBeTrue();
        VdxpProtocol.HashFileMatches("000aff10", [0x00, 0x0a, 0xff, 0x10]).ShouldBeTrue(); // the padded form, from other clients
        VdxpProtocol.HashFileMatches("0aff11", [0x00, 0x0a, 0xff, 0x10]).ShouldBeFalse();
    }

    [Fact]
    public void Headers_follow_the_bucket_order_of_a_Java_HashMap()
    {
        // String.hashCode by hand: "to" = 't'*31 + 'o' = 116*31 + 111 = 3707 = 0xE7B, bucket 0xB = 11;
        // "from" = 3151786 = 0x3017AA, folded 0x3017AA ^ 0x30 = 0x30179A, bucket 0xA = 10: from before to.
        VdxpProtocol.JavaHash("to").ShouldBe(3707);
        VdxpProtocol.SdkOrder([new("to", ""), new("from", "")]).Select(h => h.Key).ShouldBe(["from", "to"]);
    }

    [Fact]
    public async Task GetEdoc_goes_out_exactly_as_the_SDK_sends_it()
    {
        using var capture = new RawHttpCapture();
        var answer = """{"status":"OK","ErrorCode":"0","ErrorDesc":"Success","data":"PGVkWE1MLz4="}""";
        var captured = capture.CaptureAsync(answer, Ct);
        using var package = new MemoryStream();

        await Transport(capture).GetEdocAsync("42", package, Ct);
        var (lines, _) = await captured;

        lines[0].ShouldBe("POST /axis/getEdoc HTTP/1.1");
        const string signHeader =
            """{"XroadVnpt-systemid":"sys-h41","XroadVnpt-docId":"42","XroadVnpt-timestamp":"01012026T070000+0042","XroadVnpt-Content-Type":"application/json"}""";
        Header(lines, "XroadVnpt-sign-header-key").ShouldBe("systemid;docId;timestamp;Content-Type");
        Header(lines, "XroadVnpt-sign-header").ShouldBe(signHeader);
        Header(lines, "XroadVnpt-hash-header").ShouldBe("bf5a755574ee0a64c6722cb4168fb6fe8a26c28c029563f14ee785c4a836f679");
        Header(lines, "XroadVnpt-systemid").ShouldBe("sys-h41");
        Header(lines, "XroadVnpt-docId").ShouldBe("42");
        Header(lines, "XroadVnpt-timestamp").ShouldBe("01012026T070000+0042");
        Header(lines, "XroadVnpt-Content-Type").ShouldBe("application/json");
        Header(lines, "Content-Type").ShouldBe("application/json");
        Header(lines, "XroadVnpt-version").ShouldBe("3.0.201608");
        Header(lines, "User-Agent").ShouldBe("JAVASDKAgent/1.0.0 XRoad/VPCP");
        Encoding.UTF8.GetString(package.ToArray()).ShouldBe("<edXML/>");
    }

    [Fact]
    public async Task SendEdoc_signs_from_servicetype_messagetype_to_and_the_unpadded_hash_file()
    {
        using var capture = new RawHttpCapture();
        var captured = capture.CaptureAsync("""{"status":"OK","ErrorCode":"0","ErrorDesc":"Success","DocId":"7"}""", Ct);
        var body = "<edXML>golden</edXML>"u8.ToArray();

        var sent = await Transport(capture).SendEdocAsync(new MemoryStream(body), new EdocEnvelope(AxisMessageType.Edoc, ["000.00.00.G22"]), Ct);
        var (lines, received) = await captured;

        sent.DocId.ShouldBe("7");
        lines[0].ShouldBe("POST /axis/sendEdoc HTTP/1.1");
        // SHA-256 b818…b281 82 00 65…: the 0x00 byte is written "0", so 63 characters.
        const string hashFile = "b818a82f349a149d5a2626e1eb3b6e9d398331b668b571b28182065164b1f45";
        Header(lines, "XroadVnpt-sign-header-key").ShouldBe("systemid;servicetype;messagetype;hash-file;from;to;timestamp;Content-Type");
        Header(lines, "XroadVnpt-sign-header").ShouldBe(
            "{\"XroadVnpt-systemid\":\"sys-h41\",\"XroadVnpt-servicetype\":\"eDoc\",\"XroadVnpt-messagetype\":\"edoc\","
            + $"\"XroadVnpt-hash-file\":\"{hashFile}\",\"XroadVnpt-from\":\"000.00.00.H41\",\"XroadVnpt-to\":\"[\\\"000.00.00.G22\\\"]\","
            + "\"XroadVnpt-timestamp\":\"01012026T070000+0042\",\"XroadVnpt-Content-Type\":\"application/octet-stream\"}");
        Header(lines, "XroadVnpt-hash-header").ShouldBe("05d79fed0cfb4fab73058c0c0e613faa021bc1f329214e33f1f4e1496260b164");
        Header(lines, "XroadVnpt-hash-file").ShouldBe(hashFile);
        Header(lines, "XroadVnpt-to").ShouldBe("[\"000.00.00.G22\"]");
        Header(lines, "XroadVnpt-messagetype").ShouldBe("edoc");
        Header(lines, "Content-Type").ShouldBe("application/octet-stream");
        received.ShouldBe(body);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","ErrorCode":"0","ErrorDesc":"","DocId":"1"}""", true)]
    [InlineData("""{"Status":"ok","errorcode":0,"docid":"1"}""", true)]
    [InlineData("""{"ErrorCode":"0","DocId":"1"}""", true)]
    [InlineData("""{"status":"FAIL","ErrorCode":"E01","ErrorDesc":"Sai chữ ký"}""", false)]
    [InlineData("""{"status":"OK","ErrorCode":"12","ErrorDesc":"Lỗi"}""", false)]
    public void Answers_are_read_whatever_the_case_of_their_names_and_the_type_of_ErrorCode(string text, bool ok)
    {
        var answer = VdxpAnswer.TryParse(text).ShouldNotBeNull();
        answer.IsOk.ShouldBe(ok);
        if (ok)
            answer.DocId.ShouldBe("1");
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("[]")]
    [InlineData("""{"message":"maintenance"}""")]
    [InlineData("""{"status":"MAYBE"}""")]
    public void Text_that_is_not_an_answer_of_the_axis_is_not_read_as_one(string text) =>
        VdxpAnswer.TryParse(text).ShouldBeNull();

    [Fact]
    public async Task An_unknown_answer_is_a_transient_failure_not_a_refusal()
    {
        using var capture = new RawHttpCapture();
        var captured = capture.CaptureAsync("<html>Bảo trì hệ thống</html>", Ct);

        var e = await Should.ThrowAsync<AxisUnavailableException>(() => Transport(capture).UpdateStatusAsync("9", TransportAck.Done, Ct));
        var (lines, _) = await captured;

        e.Attempts.ShouldBe(1);
        Header(lines, "XroadVnpt-status").ShouldBe("done");
        Header(lines, "XroadVnpt-docid").ShouldBe("9");
    }

    static string Header(IReadOnlyList<string> lines, string name)
    {
        var found = lines.Skip(1).Where(l => l.StartsWith(name + ":", StringComparison.Ordinal)).ToList();
        found.Count.ShouldBe(1, $"{name} should be sent once");
        return found[0][(name.Length + 1)..].TrimStart(' ');
    }
}
