namespace DocService.Drafting.Model;

/// <summary>The kinds of administrative document (tên loại văn bản) the renderer lays out.</summary>
public enum DocumentType
{
    QuyetDinh,
    CongVan,
    ToTrinh,
    BaoCao,
    ThongBao,
    KeHoach,
    GiayMoi,
}

public static class DocumentTypeNames
{
    /// <summary>The type name as written in running text, e.g. "Quyết định".</summary>
    public static string VietnameseName(this DocumentType type) => type switch
    {
        DocumentType.QuyetDinh => "Quyết định",
        DocumentType.CongVan => "Công văn",
        DocumentType.ToTrinh => "Tờ trình",
        DocumentType.BaoCao => "Báo cáo",
        DocumentType.ThongBao => "Thông báo",
        DocumentType.KeHoach => "Kế hoạch",
        DocumentType.GiayMoi => "Giấy mời",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// A công văn is the one type without a printed type name: its subject goes under the number
    /// as "V/v …" instead of a title block (Phụ lục I, ô số 5b).
    /// </summary>
    public static bool HasTitle(this DocumentType type) => type != DocumentType.CongVan;

    /// <summary>Types addressed to someone by a "Kính gửi:" line under the subject.</summary>
    public static bool IsAddressed(this DocumentType type) =>
        type is DocumentType.CongVan or DocumentType.ToTrinh;
}
