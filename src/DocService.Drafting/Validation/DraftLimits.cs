namespace DocService.Drafting.Validation;

/// <summary>
/// Upper bounds on draft values. They keep every header item within the few lines its column can
/// hold on page 1, and keep one request from rendering an unbounded document.
/// </summary>
public static class DraftLimits
{
    public const int OrganName = 150;
    public const int Notation = 30;
    public const int Subject = 300;
    /// <summary>The date line "{place}, ngày 00 tháng 00 năm 0000" must fit beside the number line.</summary>
    public const int Place = 30;
    public const int Paragraph = 5_000;
    public const int Paragraphs = 200;
    public const int LegalBases = 30;
    public const int Articles = 60;
    public const int AuthorityLines = 3;
    public const int Position = 100;
    public const int FullName = 60;
    public const int Addressees = 20;
    public const int CopiesTo = 25;
    public const int RecipientEntry = 200;
    public const int DraftingUnit = 30;
}
