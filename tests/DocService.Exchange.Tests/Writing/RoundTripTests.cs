using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Tests.Support;
using DocService.Exchange.Writing;

namespace DocService.Exchange.Tests.Writing;

public sealed class RoundTripTests
{
    static readonly XNamespace Ns = EdXmlNames.Namespace;

    [Theory]
    [InlineData(BusinessDocType.New)]
    [InlineData(BusinessDocType.Revoke)]
    [InlineData(BusinessDocType.Update)]
    [InlineData(BusinessDocType.Replace)]
    public async Task A_package_of_every_business_type_reads_back_as_written(BusinessDocType type)
    {
        var package = TestPackages.Package(type);

        using var read = EdXmlReader.Read(new MemoryStream(TestPackages.Bytes(package)));

        await read.ShouldEqualPackage(package);
        read.BusinessDocType.ShouldBe(type);
    }

    [Theory]
    [InlineData(StatusCode.Arrived)]
    [InlineData(StatusCode.Refused)]
    [InlineData(StatusCode.Accepted)]
    [InlineData(StatusCode.Assigned)]
    [InlineData(StatusCode.Processing)]
    [InlineData(StatusCode.Completed)]
    [InlineData(StatusCode.RevokeRequested)]
    [InlineData(StatusCode.RevokeAgreed)]
    [InlineData(StatusCode.RevokeRefused)]
    public void A_status_package_of_every_code_reads_back_as_written(StatusCode code)
    {
        var status = TestPackages.Status(code, TestPackages.G22, TestPackages.Package(BusinessDocType.New));
        var bytes = TestPackages.Bytes(status);

        var read = EdXmlReader.ReadStatus(new MemoryStream(bytes));

        read.ShouldBe(status);
        XDocument.Parse(Encoding.UTF8.GetString(bytes)).Descendants(Ns + "StatusCode").Single().Value
            .ShouldBe(((int)code).ToString("00"));
    }

    [Fact]
    public void A_refusal_without_a_reason_cannot_be_made()
    {
        var answered = TestPackages.Package(BusinessDocType.New);
        Should.Throw<ArgumentException>(() => new StatusPackage(TestPackages.G22,
            new ResponseFor(answered.Header.From.OrganId, null, null, answered.Header.DocumentId), StatusCode.Refused, "  ", TestPackages.Sent));
    }

    [Fact]
    public void The_root_is_in_the_default_namespace_and_its_children_are_edXML_prefixed()
    {
        var text = Encoding.UTF8.GetString(TestPackages.Bytes(TestPackages.Package(BusinessDocType.New)));

        text.ShouldContain("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">");
        text.ShouldContain("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">");
        text.ShouldContain("<edXML:PromulgationDate>2025/03/14</edXML:PromulgationDate>");
        text.ShouldContain("<edXML:DueDate>2025/04/01</edXML:DueDate>");
        text.ShouldContain("<edXML:Timestamp>2025/03/14 09:30:00</edXML:Timestamp>");
        text.ShouldContain("<edXML:DocumentId>000.00.00.H41,2025/03/14,15/QĐ-UBND</edXML:DocumentId>");
        text.ShouldContain("<edXML:BussinessDocType>0</edXML:BussinessDocType>");
    }

    [Fact]
    public void Each_attachment_is_the_base64_of_a_zip_holding_one_uuid_named_entry()
    {
        var package = TestPackages.Package(BusinessDocType.New);
        var document = XDocument.Parse(Encoding.UTF8.GetString(TestPackages.Bytes(package)));

        var encoded = document.Descendants(Ns + "ContentTransferEncoded").ToList();
        encoded.Count.ShouldBe(2);
        using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(encoded[0].Value)));
        var entry = zip.Entries.ShouldHaveSingleItem();
        entry.Name.ShouldMatch(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$");
        using var content = new MemoryStream();
        entry.Open().CopyTo(content);
        content.ToArray().ShouldBe(TestPackages.FakePdf(50_000));
        document.Descendants(Ns + "edXMLManifest").Elements(Ns + "Reference").Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_large_attachment_streams_through_the_writer_and_reader_without_being_held_in_memory()
    {
        const int size = 24 * 1024 * 1024;
        var source = Path.GetTempFileName();
        var packagePath = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(source, TestPackages.FakePdf(size, seed: 9), TestContext.Current.CancellationToken);
            var package = TestPackages.Package(BusinessDocType.New) with
            {
                Attachments = [EdXmlAttachment.Create("big.pdf", AttachmentContent.FromFile(source))],
            };

            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            await using (var output = File.Create(packagePath))
                EdXmlWriter.Write(package, output);
            var writeAllocated = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            await using (var input = File.OpenRead(packagePath))
            using (var read = EdXmlReader.Read(input, new EdXmlReaderOptions { SpoolThresholdBytes = 1024 * 1024 }))
            {
                var readAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
                readAllocated.ShouldBeLessThan(size / 2);
                await using var content = read.Attachments[0].Content.OpenRead();
                content.Length.ShouldBe(size);
                Convert.ToHexString(await System.Security.Cryptography.SHA256.HashDataAsync(content, TestContext.Current.CancellationToken))
                    .ShouldBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(source, TestContext.Current.CancellationToken))));
            }

            writeAllocated.ShouldBeLessThan(size / 2);
            new FileInfo(packagePath).Length.ShouldBeGreaterThan(size * 4L / 3);
        }
        finally
        {
            File.Delete(source);
            File.Delete(packagePath);
        }
    }
}
