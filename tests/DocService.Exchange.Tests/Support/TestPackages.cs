using System.Text;
using DocService.Exchange.Model;

namespace DocService.Exchange.Tests.Support;

/// <summary>Packages of every business type, as our service would send them.</summary>
internal static class TestPackages
{
    public static readonly Organization H41 = new("000.00.00.H41", "UBND tỉnh Nghệ An", "UBND tỉnh Nghệ An", "Số 03 Trường Thi, Vinh", "nghean@gov.vn");
    public static readonly Organization G22 = new("000.00.00.G22", "Văn phòng Chính phủ", Email: "vpcp@chinhphu.vn");
    public static readonly Organization H14 = new("000.00.00.H14", "UBND tỉnh Hòa Bình");

    public static readonly DateTimeOffset Sent = new(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(7));

    /// <summary>Bytes that look like a PDF and do not compress, so sizes mean something.</summary>
    public static byte[] FakePdf(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        return bytes;
    }

    public static EdXmlPackage Package(BusinessDocType type, string number = "15", params Organization[] to)
    {
        var code = new DocumentCode(number, "QĐ-UBND");
        var date = new DateOnly(2025, 3, 14);
        var documentId = MessageHeader.ComposeDocumentId(H41.OrganId, date, code);
        var header = new MessageHeader(
            H41,
            to.Length == 0 ? [G22, H14] : to,
            documentId,
            code,
            new PromulgationInfo("Nghệ An", date),
            new DocumentType(1, 0, "Quyết định"),
            "Về việc ban hành quy chế văn thư, lưu trữ",
            "Quyết định ban hành quy chế — nội dung tóm tắt",
            new SignerInfo("TM.", "Chủ tịch", "Nguyễn Văn A"),
            new DateOnly(2025, 4, 1),
            new OtherInfo(1, "Liên thông văn bản quốc gia", "VT", 3, 2, false, ["Phụ lục I"]),
            1,
            ["Như trên", "Lưu: VT, VP"]);
        var business = type switch
        {
            BusinessDocType.New => new Business(documentId, type, "Văn bản điện tử mới", StaffInfo: new StaffInfo("Văn thư", "Trần Thị B", "0912000001", "vanthu@nghean.gov.vn")),
            BusinessDocType.Revoke => new Business(documentId, type, "Thu hồi do sai sót"),
            BusinessDocType.Update => new Business(documentId, type, "Cập nhật nơi nhận", DocumentInfo: new BusinessDocumentInfo(
                false, true, [new Receiver(G22.OrganId, ReceiverType.Removed), new Receiver(H14.OrganId, ReceiverType.Added)])),
            _ => new Business(documentId, type, "Thay thế văn bản", ReplacementInfoList:
                [new ReplacementInfo("000.00.00.H41,2025/03/01,10/QĐ-UBND", [G22.OrganId, H14.OrganId])]),
        };
        var attachments = type == BusinessDocType.Revoke
            ? ValueList<EdXmlAttachment>.Empty
            : new ValueList<EdXmlAttachment>([
                EdXmlAttachment.Create("15_QD-UBND.pdf", AttachmentContent.FromBytes(FakePdf(50_000))),
                EdXmlAttachment.Create("Phu luc.pdf", AttachmentContent.FromBytes(FakePdf(7_000, seed: 2)), "Phụ lục kèm theo"),
            ]);
        return new EdXmlPackage(header, new TraceHeaderList([new TraceHeader(H41.OrganId, Sent)], business), attachments);
    }

    public static StatusPackage Status(StatusCode code, Organization from, EdXmlPackage answered) => new(
        from,
        new ResponseFor(answered.Header.From.OrganId, answered.Header.Code.ToString(), answered.Header.PromulgationInfo.PromulgationDate, answered.Header.DocumentId),
        code,
        code == StatusCode.Refused ? "Chữ ký số không hợp lệ" : "Trạng thái " + StatusPackage.Format(code),
        Sent.AddHours(2),
        new StaffInfo("Văn phòng", "Lê Văn C", "0912000002", "vanphong@chinhphu.vn"));

    public static byte[] Bytes(EdXmlMessage message) => DocService.Exchange.Writing.EdXmlWriter.ToBytes(message);
}
