namespace DocService.Drafting.Model;

/// <summary>Urgency (mức độ khẩn), stamped in a box under the number.</summary>
public enum Urgency
{
    Normal,
    Urgent,
    VeryUrgent,
    Immediate,
}

/// <summary>Confidentiality (mức độ mật), stamped in a box under the number.</summary>
public enum Confidentiality
{
    None,
    Confidential,
    Secret,
    TopSecret,
}

public static class MarkTexts
{
    /// <summary>The stamp text, or null when the document carries no urgency mark.</summary>
    public static string? StampText(this Urgency urgency) => urgency switch
    {
        Urgency.Normal => null,
        Urgency.Urgent => "KHẨN",
        Urgency.VeryUrgent => "THƯỢNG KHẨN",
        Urgency.Immediate => "HỎA TỐC",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };

    /// <summary>The stamp text, or null when the document is not classified.</summary>
    public static string? StampText(this Confidentiality confidentiality) => confidentiality switch
    {
        Confidentiality.None => null,
        Confidentiality.Confidential => "MẬT",
        Confidentiality.Secret => "TỐI MẬT",
        Confidentiality.TopSecret => "TUYỆT MẬT",
        _ => throw new ArgumentOutOfRangeException(nameof(confidentiality), confidentiality, null),
    };
}
