using DocService.Drafting.Model;

namespace DocService.Drafting;

/// <summary>
/// Realistic drafts for demos, the CLI (<c>docsvc draft sample</c>) and tests. The organs exist; the
/// people, numbers and decisions are invented.
/// </summary>
public static class SampleDrafts
{
    /// <summary>
    /// A decision of the provincial People's Committee setting up a working group, with three articles.
    /// The Committee as a collective is the issuing authority, so its Chairman signs "TM. Ủy ban nhân dân /
    /// Chủ tịch" (a decision of the Chairman would name "Chủ tịch Ủy ban nhân dân tỉnh" as the authority and
    /// be signed "Chủ tịch", or "KT. Chủ tịch" by a Vice-Chairman). Local government has two levels since
    /// 1 July 2025 (Law on the Organisation of Local Government 2025): province and commune/ward, no districts.
    /// </summary>
    public static Draft QuyetDinh() => new(
        new Organ("Ủy ban nhân dân tỉnh Nghệ An"),
        DocumentType.QuyetDinh,
        "QĐ-UBND",
        "Về việc thành lập Tổ công tác triển khai văn bản điện tử và chữ ký số trong các cơ quan hành chính nhà nước tỉnh Nghệ An",
        "Nghệ An",
        new DecisionBody(
            "Ủy ban nhân dân tỉnh Nghệ An",
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;",
                "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
                "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 125/TTr-SNV ngày 10 tháng 11 năm 2026.",
            ],
            [
                new Article([
                    "Thành lập Tổ công tác triển khai văn bản điện tử và chữ ký số trong các cơ quan hành chính nhà nước tỉnh Nghệ An (sau đây gọi tắt là Tổ công tác), gồm các ông, bà có tên sau:",
                    "1. Ông Trần Văn Minh, Phó Chủ tịch Ủy ban nhân dân tỉnh, Tổ trưởng;",
                    "2. Bà Lê Thị Hương, Giám đốc Sở Nội vụ, Tổ phó thường trực;",
                    "3. Ông Phạm Quốc Khánh, Giám đốc Sở Khoa học và Công nghệ, Tổ phó;",
                    "4. Đại diện lãnh đạo Văn phòng Ủy ban nhân dân tỉnh, Công an tỉnh và Viễn thông Nghệ An, thành viên.",
                ]),
                new Article([
                    "Nhiệm vụ của Tổ công tác:",
                    "1. Tham mưu cho Ủy ban nhân dân tỉnh Nghệ An chỉ đạo, đôn đốc các sở, ban, ngành, Ủy ban nhân dân các xã, phường gửi, nhận văn bản điện tử có ký số qua Trục liên thông văn bản quốc gia; bảo đảm văn bản điện tử được trình bày đúng thể thức, kỹ thuật trình bày quy định tại Phụ lục I Nghị định số 30/2020/NĐ-CP.",
                    "2. Hướng dẫn việc cấp, quản lý và sử dụng chứng thư chữ ký số chuyên dùng công vụ cho lãnh đạo và văn thư các cơ quan, đơn vị; kiểm tra việc ký số của người có thẩm quyền và ký số của cơ quan, tổ chức trước khi phát hành văn bản.",
                    "3. Tổng hợp khó khăn, vướng mắc, định kỳ hằng quý báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện; đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
                    "Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.",
                ]),
                new Article(
                    "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở: Nội vụ, Khoa học và Công nghệ, Tài chính; Chủ tịch Ủy ban nhân dân các xã, phường; Thủ trưởng các cơ quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
            ]),
        // The chair signs on behalf of the committee: ubnd.chutich, Nguyễn Văn An, whose certs-dev key the README walk signs with.
        new SignerBlock(
            [new AuthorityLine(Competence.OnBehalfOfCollective, "Ủy ban nhân dân")],
            "Chủ tịch",
            "Nguyễn Văn An"),
        new Recipients(
            [],
            ["Như Điều 3", "Bộ Nội vụ (để b/c)", "TT Tỉnh ủy, TT HĐND tỉnh (để b/c)", "Chủ tịch, các PCT UBND tỉnh", "Cổng thông tin điện tử tỉnh"],
            "NC"));

    /// <summary>An urgent letter from a department to the communes and wards, with a "Kính gửi" list.</summary>
    public static Draft CongVan() => new(
        new Organ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Nghệ An"),
        DocumentType.CongVan,
        "SNV-VTLT",
        "Hướng dẫn trình bày và ký số văn bản điện tử theo Nghị định số 30/2020/NĐ-CP",
        "Nghệ An",
        new ProseBody([
            "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư và chỉ đạo của Ủy ban nhân dân tỉnh Nghệ An về đẩy mạnh gửi, nhận văn bản điện tử, Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
            "1. Văn bản điện tử phát hành phải được trình bày đúng thể thức và kỹ thuật trình bày tại Phụ lục I Nghị định số 30/2020/NĐ-CP, sử dụng phông chữ Times New Roman, khổ giấy A4.",
            "2. Người có thẩm quyền ký số trước; văn thư cơ quan cấp số, thời gian ban hành và ký số của cơ quan, tổ chức sau. Hình ảnh chữ ký số của cơ quan, tổ chức là hình ảnh con dấu, màu đỏ, kích thước bằng kích thước thực tế, trùm lên khoảng 1/3 hình ảnh chữ ký số của người có thẩm quyền về bên trái.",
            "3. Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 30 tháng 6 năm 2027 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Nội vụ (qua Phòng Văn thư - Lưu trữ) để được hướng dẫn./.",
        ]),
        new SignerBlock([new AuthorityLine(Competence.Deputy, "Giám đốc")], "Phó Giám đốc", "Lê Thị Hương"),
        new Recipients(
            ["Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân các xã, phường"],
            ["Như trên", "UBND tỉnh (để b/c)", "Giám đốc Sở"],
            "VTLT"),
        Urgency.Urgent);
}
