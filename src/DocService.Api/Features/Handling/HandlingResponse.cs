using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Handling;

/// <summary>An incoming document with who handles it and what they wrote, oldest first.</summary>
public sealed record HandlingResponse(DocumentResponse Document, IReadOnlyList<AssignmentResponse> Assignments, IReadOnlyList<NoteResponse> Notes)
{
    public static async Task<HandlingResponse> ReadAsync(DocServiceDb db, Document document, CancellationToken ct)
    {
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.DocumentId == document.Id)
            .OrderBy(a => a.AssignedAt).ThenBy(a => a.Role).ThenBy(a => a.Id).ToListAsync(ct); // v7 ids made in one millisecond are not ordered: the lead comes first by role
        var notes = await db.ProcessingNotes.AsNoTracking().Where(n => n.DocumentId == document.Id).OrderBy(n => n.At).ThenBy(n => n.Id).ToListAsync(ct);
        return new HandlingResponse(
            DocumentResponse.From(document),
            assignments.Select(a => new AssignmentResponse(a.Id, a.Role, a.UnitId, a.UserName, a.AssigneeName, a.DueDate, a.AssignedBy, a.AssignedAt, a.CompletedAt)).ToList(),
            notes.Select(n => new NoteResponse(n.Id, n.Kind, n.Text, n.Author, n.At)).ToList());
    }
}

public sealed record AssignmentResponse(
    Guid Id, AssignmentRole Role, Guid? UnitId, string? UserName, string AssigneeName, DateOnly? DueDate, string AssignedBy, DateTimeOffset AssignedAt,
    DateTimeOffset? CompletedAt);

public sealed record NoteResponse(Guid Id, NoteKind Kind, string Text, string Author, DateTimeOffset At);

static class DocumentResponseETag
{
    public static string ETag(this DocumentResponse document) => $"\"{document.Version}\"";
}
