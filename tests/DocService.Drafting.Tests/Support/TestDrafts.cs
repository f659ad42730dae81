using DocService.Drafting.Model;

namespace DocService.Drafting.Tests.Support;

internal static class TestDrafts
{
    public const string Paragraph =
        "Các cơ quan, đơn vị có trách nhiệm rà soát quy trình gửi, nhận văn bản điện tử, bảo đảm mọi văn bản " +
        "phát hành đều được ký số bởi người có thẩm quyền và cơ quan, tổ chức; văn thư cơ quan kiểm tra thể thức, " +
        "cấp số, ngày tháng năm ban hành trước khi gửi qua Trục liên thông văn bản quốc gia.";

    /// <summary>A minimal valid draft of the given type; a quyết định gets a decision body.</summary>
    public static Draft Of(DocumentType type, int paragraphs = 2) => new(
        new Organ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Nghệ An"),
        type,
        type == DocumentType.CongVan ? "SNV-VP" : "KH-SNV",
        "Triển khai văn bản điện tử năm 2025",
        "Nghệ An",
        type == DocumentType.QuyetDinh
            ? new DecisionBody("Giám đốc Sở Nội vụ", ["Căn cứ Nghị định số 30/2020/NĐ-CP;"],
                Enumerable.Range(0, paragraphs).Select(_ => new Article(Paragraph)).ToList())
            : new ProseBody(Enumerable.Repeat(Paragraph, paragraphs).ToList()),
        new SignerBlock([new AuthorityLine(Competence.Deputy, "Giám đốc")], "Phó Giám đốc", "Lê Thị Hương"),
        new Recipients(type.IsAddressed() ? ["Ủy ban nhân dân các xã, phường"] : [], ["Như trên"], "VP"));

    public static Draft WithLongBody(int paragraphs) => Of(DocumentType.KeHoach, paragraphs);
}
