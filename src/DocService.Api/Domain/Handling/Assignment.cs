namespace DocService.Api.Domain.Handling;

public enum AssignmentRole
{
    Lead,       // chủ trì
    Supporting, // phối hợp
}

/// <summary>
/// The leader's decision that a unit or an official handles an incoming document, leading it or supporting the
/// lead, by a deadline. Kept for good: reassigning adds rows, it never rewrites who was asked before.
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public Guid DocumentId { get; init; }
    public AssignmentRole Role { get; init; }
    /// <summary>The unit asked, or null when an official is asked directly.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>The official asked (OIDC subject), or null when a unit is.</summary>
    public string? UserName { get; init; }
    /// <summary>The unit's or official's name when assigned, as registers and reports print it.</summary>
    public string AssigneeName { get; init; } = "";
    public DateOnly? DueDate { get; init; }
    public string AssignedBy { get; init; } = "";
    public DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public enum NoteKind
{
    Instruction, // ý kiến chỉ đạo of the leader who assigned
    Opinion,     // ý kiến xử lý of an official handling it
    Completion,  // what was done, recorded with completion
}

/// <summary>The words someone wrote while handling a document: readable in its history for as long as it is kept.</summary>
public sealed class ProcessingNote
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public Guid DocumentId { get; init; }
    public NoteKind Kind { get; init; }
    public string Text { get; init; } = "";
    public string Author { get; init; } = "";
    public DateTimeOffset At { get; init; }

    public static ProcessingNote Write(Document document, NoteKind kind, string text, string author, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), OrganId = document.OrganId, DocumentId = document.Id, Kind = kind, Text = text, Author = author, At = at,
    };
}
