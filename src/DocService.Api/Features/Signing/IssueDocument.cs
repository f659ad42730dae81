using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Archive;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Drafting.Appearances;
using DocService.Drafting.Fields;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Pades;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Signing;

/// <summary>
/// The clerk issues the signed document (Signed → Issued): the next number of the organ's outgoing
/// register and today's date (Vietnam) are written into the number and date fields, and the
/// organisation signature with the seal goes into its field — all in one revision, which the
/// leader's P=2 certification permits, so the leader's signature stays valid. The number is taken
/// in this command's transaction: if anything fails, it is given back.
/// </summary>
public static class IssueDocument
{
    public sealed record Command(Guid DocumentId, string IfMatch) : ICommand<DocumentResponse>, IAuditedCommand
    {
        public string AuditAction => "document.issue";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId };
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/issue",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch)), ct)).WithETag(http))
            .RequireAuthorization(Policies.Clerk)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Issue the signed document: register number, date and the organisation signature with the seal");

    static readonly PdfName DefaultValue = new("DV");

    /// <summary>The revision reason the issue step leaves, whichever way the key was reached.</summary>
    internal static string Revision(int number, string? codeNotation) => $"Issued as {DocumentCode.Format(number, codeNotation)}";

    /// <summary>
    /// The issue revision: number and date filled into their fields and the organisation signature (the
    /// seal, or the organ's name without one) in its field. The three-step flow uses the same.
    /// A rendered draft prints only "Số:" on the page: its number field holds "/{notation}" as its
    /// default value and shows it after a blank, and the number is written in front of it, so the
    /// issued line reads "Số: 02/QĐ-UBND". A PDF made elsewhere prints its own notation, so its field
    /// takes the number alone, and its date field the place as well when the PDF does not print it.
    /// </summary>
    internal static PadesSignatureOptions Options(
        PdfDocument pdf, byte[]? seal, string organName, Document document, int number, DateOnly date, DateTimeOffset now)
    {
        var codeNotation = document.CodeNotation;
        var numberField = pdf.Fields.FirstOrDefault(f => f.FullName == DraftFieldNames.Number);
        var notationAfterNumber = numberField is null ? null : pdf.Get<PdfString>(numberField.Dictionary, DefaultValue)?.ToText();
        var numberText = DocumentCode.Format(number, null) + notationAfterNumber;
        var dateText = document.DateLinePlace is { } place ? $"{place}, {VietnameseDate.Format(date)}" : VietnameseDate.Format(date);
        var numberRect = DocumentSigning.RectOf(pdf, DraftFieldNames.Number);
        var dateRect = DocumentSigning.RectOf(pdf, DraftFieldNames.Date);
        var sealRect = DocumentSigning.RectOf(pdf, DraftFieldNames.Organisation);
        string[] caption = seal is null ? [organName] : [];
        return new PadesSignatureOptions
        {
            FieldName = DraftFieldNames.Organisation,
            Appearance = DocumentSigning.Draw(s => AppearanceRenderer.RenderSignature(new SignatureAppearance(sealRect.Width, sealRect.Height, seal, caption), s)),
            Fills =
            [
                new FieldFill(DraftFieldNames.Number, numberText,
                    DocumentSigning.Draw(s => AppearanceRenderer.RenderText(new TextAppearance(numberRect.Width, numberRect.Height, numberText, 13, Italic: false), s))),
                new FieldFill(DraftFieldNames.Date, dateText,
                    DocumentSigning.Draw(s => AppearanceRenderer.RenderText(new TextAppearance(dateRect.Width, dateRect.Height, dateText, 14, Italic: true), s))),
            ],
            Reason = $"Ban hành văn bản số {DocumentCode.Format(number, codeNotation)}",
            SignerName = organName,
            SigningTime = now,
        };
    }

    internal sealed class Handler(DocServiceDb db, DocumentSigning signing, Infrastructure.Registers.Registers registers, ArchiveQueue archive,
        Infrastructure.Timestamps.DocumentLevels levels, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            DocumentLifecycle.Next(document.Status, DocumentAction.Issue); // refuse before taking a number

            var key = await signing.KeyOfAsync(user.Organ.Value, KeyOwnerKind.Organ, user.Organ.Value, null, ct);
            var seal = await signing.ImageOfAsync(user.Organ.Value, KeyOwnerKind.Organ, user.Organ.Value, OwnerImageKind.Seal, ct);
            var now = clock.GetUtcNow().ToOffset(VietnamTime.Offset);
            var date = VietnamTime.Today(now);
            var number = await registers.TakeNumberAsync(RegisterKind.Outgoing, user.Organ, date.Year, ct);
            await RemoteSigning.EnsureRegisterNotHeldAsync(db, user.Organ.Value, date.Year, null, clock.GetUtcNow(), ct);
            var organName = key.Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

            await signing.SignCurrentRevisionAsync(document, key,
                pdf => Options(pdf, seal, organName, document, number, date, now) with { Level = levels.Default },
                user.UserName, Revision(number, document.CodeNotation), ct);

            document.Issue(number, date, clock.GetUtcNow());
            // The package is written by the archive worker once this transaction commits: issuing never waits for the store.
            var job = archive.Enqueue(document, clock.GetUtcNow());
            return DocumentResponse.From(document) with { Archive = ArchiveResponse.From(job, document) };
        }
    }
}
