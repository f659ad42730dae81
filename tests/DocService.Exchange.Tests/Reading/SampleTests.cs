using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Tests.Support;
using DocService.Exchange.Writing;

namespace DocService.Exchange.Tests.Reading;

/// <summary>The real packages of a deployed provincial axis (../shared/edxml-samples).</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_new_document_sample_reads_with_its_dd_MM_yyyy_date_and_zipped_attachment()
    {
        await using var input = EdXmlSamples.Open("edoc_new.edxml");
        using var package = EdXmlReader.Read(input);

        var h = package.Header;
        h.From.OrganId.ShouldBe("000.00.11.H53");
        h.From.OrganName.ShouldBe("Sở Tính");
        h.To.ShouldHaveSingleItem().OrganId.ShouldBe("000.00.01.A53");
        h.DocumentId.ShouldBe("000.00.11.H53,2020/10/30,2491/STC-BCTC");
        h.Code.ShouldBe(new DocumentCode("2491", "STC-BCTC"));
        h.PromulgationInfo.ShouldBe(new PromulgationInfo("Tây Ninh", new DateOnly(2020, 10, 30)));
        h.DocumentType.TypeName.ShouldBe("Công văn");
        h.Subject.ShouldBe("Báo cáo tài chính tỉnh");
        h.DueDate.ShouldBeNull();
        h.OtherInfo!.PageAmount.ShouldBe(22);
        h.ToPlaces!.Count.ShouldBe(2);
        package.BusinessDocType.ShouldBe(BusinessDocType.New);
        package.Trace.TraceHeaders.ShouldHaveSingleItem().Timestamp.ShouldBe(new DateTimeOffset(2018, 9, 28, 0, 0, 0, TimeSpan.FromHours(7)));

        var attachment = package.Attachments.ShouldHaveSingleItem();
        attachment.ContentId.ShouldBe("cid:209");
        attachment.AttachmentName.ShouldBe("1896_QD-TTg_m_294779.doc");
        attachment.EntryName.ShouldBe("32da2890-1a55-4ccd-9ac9-cd0d98559e67.edxml");
        (await attachment.Content.ReadAllBytesAsync(TestContext.Current.CancellationToken)).Length.ShouldBe(388347);
    }

    [Fact]
    public void The_update_sample_reads_three_recipients_and_its_receiver_changes()
    {
        using var input = EdXmlSamples.Open("edoc_update.edxml");
        using var package = EdXmlReader.Read(input);

        package.Header.To.Count.ShouldBe(3);
        package.Header.PromulgationInfo.PromulgationDate.ShouldBe(new DateOnly(2018, 9, 28));
        package.Header.SignerInfo!.Competence.ShouldBe("TL. BO TRUONG");
        var business = package.Trace.Business!;
        business.BusinessDocType.ShouldBe(BusinessDocType.Update);
        business.DocumentInfo!.ReceiverList.ShouldBe(new ValueList<Receiver>([
            new Receiver("000.00.00.H41", ReceiverType.Removed),
            new Receiver("000.00.00.H14", ReceiverType.Added),
        ]));
        business.StaffInfo!.Staff.ShouldBe("Nguyễn Thị Ngọc Trâm");
    }

    [Fact]
    public void The_status_sample_reads_as_processing_for_its_document()
    {
        using var input = EdXmlSamples.Open("status_processing_05.edxml");
        var status = EdXmlReader.ReadStatus(input);

        status.Code.ShouldBe(StatusCode.Processing);
        status.From.OrganId.ShouldBe("000.00.00.H41");
        status.ResponseFor.ShouldBe(new ResponseFor("000.00.00.G22", "7816/VPCP-TTĐT", new DateOnly(2015, 9, 30), "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"));
        status.Recipient.ShouldBe("000.00.00.G22");
        status.Timestamp.ShouldBe(new DateTimeOffset(2015, 9, 20, 11, 8, 36, TimeSpan.FromHours(7)));
        status.StaffInfo!.Staff.ShouldBe("Nguyen thi ngoc tram");
    }

    [Theory]
    [InlineData("edoc_new.edxml")]
    [InlineData("edoc_update.edxml")]
    [InlineData("status_processing_05.edxml")]
    public async Task A_sample_written_back_reads_again_equal(string name)
    {
        await using var input = EdXmlSamples.Open(name);
        var first = EdXmlReader.ReadMessage(input);

        var second = EdXmlReader.ReadMessage(new MemoryStream(EdXmlWriter.ToBytes(first)));

        if (first is EdXmlPackage package)
        {
            using var again = (EdXmlPackage)second;
            await again.ShouldEqualPackage(package);
            package.Dispose();
        }
        else
        {
            second.ShouldBe(first);
        }
    }
}
