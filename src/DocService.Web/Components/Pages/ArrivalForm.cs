namespace DocService.Web.Components.Pages;

/// <summary>What the receiving clerk types in from the paper, e-mail or fax, as <c>POST /api/v1/incoming</c> takes it.</summary>
public sealed class ArrivalForm
{
    public string? SenderName { get; set; }
    public string? SenderOrganId { get; set; }
    public string? SenderNumber { get; set; }
    public string? SenderNotation { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public string? TypeName { get; set; }
    public string? Subject { get; set; }
    public string ReceivedVia { get; set; } = "Paper";
    public string Priority { get; set; } = "Normal";
    public DateOnly? DueDate { get; set; }

    public (string Name, string? Value)[] Fields() =>
    [
        ("senderName", SenderName), ("senderOrganId", SenderOrganId), ("senderNumber", SenderNumber), ("senderNotation", SenderNotation),
        ("documentDate", DocumentDate?.ToString("yyyy-MM-dd")), ("typeName", TypeName), ("subject", Subject), ("receivedVia", ReceivedVia),
        ("priority", Priority), ("dueDate", DueDate?.ToString("yyyy-MM-dd")),
    ];
}
