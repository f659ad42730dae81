using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Errors;
using DocService.Drafting.Model;
using DocService.Drafting.Rendering;
using DocService.Drafting.Validation;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// What creating and redrafting share: reading a draft and the metadata it states, rendering it, and
/// storing the PDF as the document's next revision with the draft kept beside it.
/// </summary>
public sealed class DraftRevisions(DraftRenderer renderer, RevisionStore revisions)
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
        document.RecordDraft(DraftJson.Serialize(DraftRequest.From(draft)), metadata, at);
        using var pdf = new MemoryStream();
        await renderer.RenderAsync(draft, pdf, ct);
        pdf.Position = 0;
        await revisions.AddAsync(document, pdf, author, reason, at, ct);
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
