using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Drafting.Model;
using DocService.Drafting.Rendering;
using DocService.Drafting.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// What creating and redrafting share: reading a draft and the metadata it states, rendering it, and
/// storing the PDF as the document's next revision with the draft kept beside it.
/// </summary>
public sealed class DraftRevisions(DraftRenderer renderer, RevisionStore revisions, DocServiceDb db)
{
    /// <summary>
    /// The draft, checked and normalised, and the document metadata it states. What a draft does not
    /// say (the due date, the recipient organs on the axis) is kept from <paramref name="existing"/>.
    /// </summary>
    /// <exception cref="DraftValidationException">A draft field is missing or wrong; the exception names it.</exception>
    public static (Draft Draft, DocumentMetadata Metadata) Read(DraftRequest request, Document? existing = null)
    {
        var draft = DraftValidator.Normalise(request.ToDraft());
        var metadata = MetadataOf(draft) with { DueDate = existing?.DueDate, RecipientOrgans = existing?.Recipients };
        return (draft, metadata);
    }

    /// <summary>
    /// Records the draft on the document (which refuses unless it is a draft) and stores the rendered
    /// PDF as its next revision. The PDF is a few hundred kilobytes at most, so it is rendered in memory.
    /// </summary>
    public async Task RenderAsync(Document document, Draft draft, DocumentMetadata metadata, string author, string reason, DateTimeOffset at, CancellationToken ct)
    {
        await EnsureIssuedByOwnOrganAsync(document.OrganId, draft, ct);
        document.RecordDraft(DraftJson.Serialize(DraftRequest.From(draft)), metadata, at);
        using var pdf = new MemoryStream();
        await renderer.RenderAsync(draft, pdf, ct);
        pdf.Position = 0;
        await revisions.AddAsync(document, pdf, author, reason, at, ct);
    }

    /// <summary>
    /// A drafter writes in their own organ's name: the issuing organ a draft prints (ô số 2) is the registered name of
    /// the organ the document belongs to — the seal and the register are that organ's. An organ not registered here
    /// has no recorded name to compare with.
    /// </summary>
    async Task EnsureIssuedByOwnOrganAsync(string organId, Draft draft, CancellationToken ct)
    {
        var registered = await db.Organs.AsNoTracking().Where(o => o.Id == organId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (registered is not null && !VietnameseText.SameName(draft.Organ.Name, registered))
            throw new ApiException(422, "draft.organ_mismatch",
                $"The draft is issued in the name of \"{draft.Organ.Name}\", but the document belongs to {organId} ({registered}): drafts are written in your own organ's name.");
    }

    static DocumentMetadata MetadataOf(Draft draft)
    {
        var typeName = draft.Type.VietnameseName();
        var toPlaces = string.Join("\n", draft.Recipients.PrintedEntries().Select(entry => "- " + entry));
        var problems = MetadataRules.Check(typeName, draft.Subject, draft.Notation, toPlaces)
            .GroupBy(p => DraftPathOf(p.Field), p => p.Problem)
            .ToDictionary(g => g.Key, g => g.ToArray());
        if (problems.Count > 0)
            throw new RequestValidationException(problems);

        var authority = draft.Signer.Authority;
        return new DocumentMetadata(
            typeName,
            draft.Subject,
            draft.Notation,
            // edXML SignerInfo writes the competence as printed nearest the position, e.g. "KT. CHỦ TỊCH".
            SignerCompetence: authority.Count == 0 ? null : $"{authority[^1].Prefix} {authority[^1].For.ToUpperInvariant()}",
            SignerPosition: draft.Signer.Position.Length == 0 ? null : draft.Signer.Position,
            SignerFullName: draft.Signer.FullName,
            Priority: PriorityOf(draft.Urgency),
            ToPlaces: toPlaces);
    }

    static Priority PriorityOf(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => Priority.Urgent,
        Urgency.VeryUrgent => Priority.VeryUrgent,
        Urgency.Immediate => Priority.Express,
        _ => Priority.Normal,
    };

    // The shared metadata rules speak of document fields; a draft's client knows them by its own paths.
    static string DraftPathOf(string metadataField) => metadataField switch
    {
        "typeName" => "type",
        "codeNotation" => "notation",
        "toPlaces" => "recipients.copiesTo",
        _ => metadataField,
    };
}
