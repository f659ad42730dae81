using DocService.Api.Domain;
using DocService.Api.Features.Archive;

namespace DocService.Api.Features.Documents;

/// <summary>A document as clients see it: metadata, revisions, and what may be done next.</summary>
public sealed record DocumentResponse(
    Guid Id,
    DocumentKind Kind,
    string OrganId,
    DocumentStatus Status,
    int Version,
    string TypeName,
    string Subject,
    string? Code,
    int? CodeNumber,
    string? CodeNotation,
    DateOnly? IssuedDate,
    SignerResponse? Signer,
    Priority Priority,
    DateOnly? DueDate,
    IReadOnlyList<string> Recipients,
    string? ToPlaces,
    IncomingResponse? Incoming,
    string? ReviewComment,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<RevisionResponse> Revisions,
    IReadOnlyList<DocumentAction> AllowedActions,
    ArchiveResponse? Archive = null,
    FrozenResponse? Frozen = null)
{
    public static DocumentResponse From(Document d) => new(
        d.Id, d.Kind, d.OrganId, d.Status, d.Version, d.TypeName, d.Subject,
        DocumentCode.Format(d.CodeNumber, d.CodeNotation), d.CodeNumber, d.CodeNotation, d.IssuedDate,
        d.SignerFullName is null ? null : new SignerResponse(d.SignerCompetence, d.SignerPosition, d.SignerFullName),
        d.Priority, d.DueDate, d.Recipients, d.ToPlaces,
        d.Kind == DocumentKind.Incoming
            ? new IncomingResponse(d.ArrivalNumber, d.ArrivedAt, d.SenderOrganId, d.SenderOrganName, d.SenderDocumentId, d.AssignedTo, d.ReplacesDocumentId)
            : null,
        d.ReviewComment, d.CreatedBy, d.CreatedAt, d.UpdatedAt,
        d.Revisions.OrderBy(r => r.Number).Select(RevisionResponse.From).ToList(),
        DocumentLifecycle.AllowedFrom(d.Status, d.Frozen).ToList(),
        Frozen: d.Frozen is { } why ? new FrozenResponse(why, d.FrozenNote, d.FrozenAt) : null);
}

/// <summary>Why an incoming document takes no handling step: its sender asked for it back, or removed this organ.</summary>
public sealed record FrozenResponse(DocumentFreeze Reason, string? Note, DateTimeOffset? Since);

public sealed record SignerResponse(string? Competence, string? Position, string FullName);

public sealed record IncomingResponse(
    int? ArrivalNumber, DateTimeOffset? ArrivedAt, string? SenderOrganId, string? SenderOrganName, string? SenderDocumentId, string? AssignedTo,
    Guid? ReplacesDocumentId = null);

public sealed record RevisionResponse(int Number, string Sha256, long Size, string Author, string Reason, DateTimeOffset CreatedAt)
{
    public static RevisionResponse From(DocumentRevision r) => new(r.Number, r.Sha256, r.Size, r.Author, r.Reason, r.CreatedAt);
}
