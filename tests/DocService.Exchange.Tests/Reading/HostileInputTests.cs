using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Tests.Support;

namespace DocService.Exchange.Tests.Reading;

public sealed class HostileInputTests
{
    const string Root = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">";

    static EdXmlFormatException Refused(string xml, EdXmlReaderOptions? options = null) =>
        Should.Throw<EdXmlFormatException>(() => EdXmlReader.ReadMessage(new MemoryStream(Encoding.UTF8.GetBytes(xml)), options));

    static EdXmlFormatException Refused(byte[] bytes, EdXmlReaderOptions? options = null) =>
        Should.Throw<EdXmlFormatException>(() => EdXmlReader.ReadMessage(new MemoryStream(bytes), options));

    [Fact]
    public void An_external_entity_is_refused_and_never_resolved()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + Root + "<edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>&xxe;</edXML:OrganId></edXML:From>"
            + "</edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>";

        var e = Refused(xml);

        e.Code.ShouldBe(EdXmlErrorCodes.DtdProhibited);
        e.Message.ShouldNotContain("root:");
    }

    [Fact]
    public void A_billion_laughs_package_is_refused_quickly()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE edXML [{entities}]>{Root}<edXML:edXMLHeader><edXML:MessageHeader>"
            + "<edXML:Subject>&lol9;</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>";
        var clock = Stopwatch.StartNew();

        Refused(xml).Code.ShouldBe(EdXmlErrorCodes.DtdProhibited);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    static string Nested(string element, int depth) =>
        string.Concat(Enumerable.Repeat($"<edXML:{element}>", depth)) + string.Concat(Enumerable.Repeat($"</edXML:{element}>", depth));

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000)]
    public void A_header_nested_deeper_than_the_limit_is_refused_at_once(int depth)
    {
        var xml = Root + "<edXML:edXMLHeader><edXML:MessageHeader>" + Nested("Subject", depth)
            + "</edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>";
        var clock = Stopwatch.StartNew();

        var e = Refused(xml);

        e.Code.ShouldBe(EdXmlErrorCodes.TooDeep);
        e.LineNumber.ShouldBe(1);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Deep_nesting_in_the_skipped_body_is_refused_too()
    {
        var xml = Root + "<edXML:edXMLBody>" + Nested("Manifest", 50_000) + "</edXML:edXMLBody></edXML:edXMLEnvelope></edXML>";

        Refused(xml).Code.ShouldBe(EdXmlErrorCodes.TooDeep);
    }

    [Fact]
    public void A_real_package_is_well_within_the_nesting_limit()
    {
        using var package = EdXmlReader.Read(new MemoryStream(TestPackages.Bytes(TestPackages.Package(BusinessDocType.New))),
            new EdXmlReaderOptions { MaxDepth = 12 });

        package.Header.ShouldNotBeNull();
    }

    [Fact]
    public void A_package_over_the_character_limit_is_refused_while_reading()
    {
        var bytes = TestPackages.Bytes(TestPackages.Package(BusinessDocType.New));
        var clock = Stopwatch.StartNew();

        // Non-seekable, so the limit is met while streaming rather than from the length.
        var e = Should.Throw<EdXmlFormatException>(() => EdXmlReader.ReadMessage(
            new NonSeekableStream(new MemoryStream(bytes)), new EdXmlReaderOptions { MaxCharactersInDocument = 10_000 }));

        e.Code.ShouldBe(EdXmlErrorCodes.TooLarge);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_seekable_package_far_over_the_limit_is_refused_before_reading()
    {
        var bytes = TestPackages.Bytes(TestPackages.Package(BusinessDocType.New));

        Refused(bytes, new EdXmlReaderOptions { MaxCharactersInDocument = 1_000 }).Code.ShouldBe(EdXmlErrorCodes.TooLarge);
    }

    [Fact]
    public void An_attachment_over_the_size_limit_is_refused()
    {
        var bytes = TestPackages.Bytes(TestPackages.Package(BusinessDocType.New));

        Refused(bytes, new EdXmlReaderOptions { MaxAttachmentBytes = 20_000 }).Code.ShouldBe(EdXmlErrorCodes.AttachmentTooLarge);
    }

    [Fact]
    public void A_zip_bomb_is_stopped_at_the_attachment_limit()
    {
        var zeros = new byte[20 * 1024 * 1024];
        var package = TestPackages.Package(BusinessDocType.New) with
        {
            Attachments = [EdXmlAttachment.Create("bomb.pdf", AttachmentContent.FromBytes(zeros))],
        };
        var bytes = TestPackages.Bytes(package);
        bytes.Length.ShouldBeLessThan(200_000);

        var e = Refused(bytes, new EdXmlReaderOptions { MaxAttachmentBytes = 1024 * 1024 });

        e.Code.ShouldBe(EdXmlErrorCodes.AttachmentTooLarge);
    }

    [Fact]
    public void An_attachment_that_is_not_a_zip_is_reported()
    {
        var xml = Root + Header + "</edXML:edXMLEnvelope><AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
            + "<AttachmentName>a.pdf</AttachmentName><ContentType>application/zip</ContentType>"
            + $"<edXML:ContentTransferEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">{Convert.ToBase64String(TestPackages.FakePdf(1000))}</edXML:ContentTransferEncoded>"
            + "</Attachment></AttachmentEncoded></edXML>";

        var e = Refused(xml);

        e.Code.ShouldBe(EdXmlErrorCodes.AttachmentNotZip);
        e.LineNumber.ShouldBe(1);
    }

    [Fact]
    public void A_zip_with_two_entries_is_reported()
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("a.pdf").Open().Dispose();
            zip.CreateEntry("b.pdf").Open().Dispose();
        }
        var xml = Root + Header + "</edXML:edXMLEnvelope><AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
            + $"<ContentTransferEncoded>{Convert.ToBase64String(zipBytes.ToArray())}</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";

        Refused(xml).Code.ShouldBe(EdXmlErrorCodes.AttachmentNotZip);
    }

    [Fact]
    public void Malformed_xml_is_reported_with_its_line_and_position()
    {
        var e = Refused(Root + "\n<edXML:edXMLHeader>\n  <edXML:MessageHeader></edXML:Oops>");

        e.Code.ShouldBe(EdXmlErrorCodes.Malformed);
        e.LineNumber.ShouldBe(3);
        e.LinePosition.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Another_root_element_is_not_edXML()
    {
        Refused("<html><body/></html>").Code.ShouldBe(EdXmlErrorCodes.NotEdXml);
    }

    [Fact]
    public void A_header_without_From_names_what_is_missing()
    {
        var e = Refused(Root + "<edXML:edXMLHeader>\n<edXML:MessageHeader><edXML:DocumentId>x</edXML:DocumentId></edXML:MessageHeader>"
            + "</edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>");

        e.Code.ShouldBe(EdXmlErrorCodes.MissingElement);
        e.Message.ShouldContain("From");
        e.LineNumber.ShouldBe(2);
    }

    [Fact]
    public void A_refusal_status_without_a_reason_is_reported()
    {
        var answered = TestPackages.Package(BusinessDocType.New);
        var text = Encoding.UTF8.GetString(TestPackages.Bytes(TestPackages.Status(StatusCode.Refused, TestPackages.G22, answered)));
        text = System.Text.RegularExpressions.Regex.Replace(text, "<edXML:Description>.*?</edXML:Description>", "<edXML:Description />");

        Refused(text).Code.ShouldBe(EdXmlErrorCodes.StatusReasonMissing);
    }

    [Fact]
    public void An_unknown_status_code_is_an_invalid_value()
    {
        var answered = TestPackages.Package(BusinessDocType.New);
        var text = Encoding.UTF8.GetString(TestPackages.Bytes(TestPackages.Status(StatusCode.Accepted, TestPackages.G22, answered)))
            .Replace("<edXML:StatusCode>03</edXML:StatusCode>", "<edXML:StatusCode>07</edXML:StatusCode>");

        Refused(text).Code.ShouldBe(EdXmlErrorCodes.InvalidValue);
    }

    [Theory]
    [InlineData("30/10/2020", 2020, 10, 30)]
    [InlineData("2020/10/30", 2020, 10, 30)]
    [InlineData("2020-10-30", 2020, 10, 30)]
    [InlineData("5/3/2021", 2021, 3, 5)]
    [InlineData("2021/03/05 08:00:00", 2021, 3, 5)]
    public void Dates_are_read_leniently(string written, int year, int month, int day)
    {
        var text = Encoding.UTF8.GetString(TestPackages.Bytes(TestPackages.Package(BusinessDocType.Revoke)))
            .Replace("<edXML:PromulgationDate>2025/03/14</edXML:PromulgationDate>", $"<edXML:PromulgationDate>{written}</edXML:PromulgationDate>");

        using var package = EdXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        package.Header.PromulgationInfo.PromulgationDate.ShouldBe(new DateOnly(year, month, day));
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_reported()
    {
        var text = Encoding.UTF8.GetString(TestPackages.Bytes(TestPackages.Package(BusinessDocType.Revoke)))
            .Replace("<edXML:DueDate>2025/04/01</edXML:DueDate>", "<edXML:DueDate>mai</edXML:DueDate>");

        Refused(text).Code.ShouldBe(EdXmlErrorCodes.InvalidDate);
    }

    const string Header = "<edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:From>"
        + "<edXML:To><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:To><edXML:DocumentId>d</edXML:DocumentId>"
        + "</edXML:MessageHeader></edXML:edXMLHeader>";

    sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
