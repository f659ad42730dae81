using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Drafting.Fields;
using DocService.Pdf;
using DocService.Pdf.Document;
using DocService.Pdf.Forms;
using DocService.Pdf.Objects;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// For a PDF made in Word or LibreOffice: the drafter or clerk says where the number, the date and
/// the two signatures go, and the service adds those fields in a new revision, so the issue flow
/// works as for a rendered draft. They must exist before the first signature, which certifies with
/// DocMDP P=2: filling and signing existing fields is then permitted, adding fields is not.
/// </summary>
public static class AddIssueFields
{
    const int MaxPlaceLength = 100;

    /// <summary>A widget's place: a page (from 1) and a rectangle in PDF points from the page's bottom-left corner.</summary>
    public sealed record FieldArea(int Page, double X, double Y, double Width, double Height);

    /// <param name="Number">Where the clerk's register number (số) goes, after "Số:".</param>
    /// <param name="Date">Where the issue date (ngày … tháng … năm …) goes, after the place name.</param>
    /// <param name="Signer">The competent signer's signature, between position and name.</param>
    /// <param name="Organisation">The organisation's signature (the seal), over the left third of the signer's.</param>
    /// <param name="Place">
    /// The place (địa danh) the date field prints before the date, e.g. "Hà Nội" gives "Hà Nội, ngày 04 tháng 12 năm
    /// 2026", for a PDF that leaves the whole date line blank; omit it when the PDF prints the place itself.
    /// </param>
    public sealed record Request(FieldArea? Number, FieldArea? Date, FieldArea? Signer, FieldArea? Organisation, string? Place = null);

    public sealed record Command(Guid DocumentId, Request Body, string IfMatch) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.add_fields";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            foreach (var (name, area) in Areas(Body))
            {
                if (area is null)
                {
                    yield return (name, "Say where this field goes: page, x, y, width, height.");
                    continue;
                }
                if (area.Page < 1)
                    yield return ($"{name}.page", "Pages are numbered from 1.");
                if (area.Width <= 0)
                    yield return ($"{name}.width", "The width is a positive number of points.");
                if (area.Height <= 0)
                    yield return ($"{name}.height", "The height is a positive number of points.");
            }
            if (Body.Place is { } place && (string.IsNullOrWhiteSpace(place) || place.Length > MaxPlaceLength || place.Any(char.IsControl)))
                yield return ("place", $"The place is a name of 1 to {MaxPlaceLength} characters on one line, e.g. \"Hà Nội\".");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/fields",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var document = await mediator.Send(new Command(id, body, Preconditions.RequireIfMatch(ifMatch)), ct);
                    return document.WithETag(http);
                })
            .RequireAuthorization(Policies.FieldPreparer)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Add the number, date and signature fields to an uploaded PDF")
            .WithDescription(
                "Rectangles are in PDF points from the page's bottom-left corner (unrotated). The fields are added by an " +
                "incremental update as a new revision, before any signature: 409 `document.already_signed` when the current " +
                "revision has a signature, 409 `document.fields_exist` when it already has one of these fields.");

    static IEnumerable<(string Name, FieldArea? Area)> Areas(Request body) =>
    [
        (DraftFieldNames.Number, body.Number),
        (DraftFieldNames.Date, body.Date),
        (DraftFieldNames.Signer, body.Signer),
        (DraftFieldNames.Organisation, body.Organisation),
    ];

    /// <summary>The look Decree 30 gives the number (13 pt, centred after "Số:") and the date line (14 pt italic).</summary>
    static NewFormField FieldOf(string name, FieldArea area)
    {
        var rect = new PdfRectangle(area.X, area.Y, area.X + area.Width, area.Y + area.Height);
        return name switch
        {
            DraftFieldNames.Number => new(name, FormFieldKind.Text, area.Page - 1, rect, new TextFieldStyle(StandardFont.TimesRoman, 13, TextAlignment.Centre)),
            DraftFieldNames.Date => new(name, FormFieldKind.Text, area.Page - 1, rect, new TextFieldStyle(StandardFont.TimesItalic, 14)),
            _ => new(name, FormFieldKind.Signature, area.Page - 1, rect),
        };
    }

    internal sealed class Handler(DocServiceDb db, RevisionStore revisions, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        static readonly DocumentStatus[] BeforeSigning = [DocumentStatus.Draft, DocumentStatus.InReview, DocumentStatus.Approved];

        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            if (document.Kind != DocumentKind.Outgoing || !BeforeSigning.Contains(document.Status))
                throw new ApiException(StatusCodes.Status409Conflict, "document.invalid_transition",
                    $"Fields are added to an outgoing document before it is signed; this one is {document.Kind} and {document.Status}.");

            var fields = Areas(command.Body).Select(a => FieldOf(a.Name, a.Area!)).ToList();
            await using var input = await SeekableAsync(await revisions.OpenAsync(document.CurrentRevision, ct), ct);
            await using var output = TemporaryFile();
            try
            {
                var pdf = PdfDocument.Open(input);
                CheckNotSigned(pdf);
                FormFieldAdder.Add(pdf, fields, output);
            }
            catch (FormFieldException refused) when (refused.Problem == FormFieldProblem.AlreadyExists)
            {
                throw new ApiException(StatusCodes.Status409Conflict, "document.fields_exist",
                    $"The current revision already has a field named '{refused.FieldName}': the issue fields are there already.");
            }
            catch (FormFieldException refused)
            {
                var field = refused.Problem == FormFieldProblem.NoSuchPage ? $"{refused.FieldName}.page" : refused.FieldName;
                throw new RequestValidationException(new Dictionary<string, string[]> { [field] = [refused.Message] });
            }
            catch (PdfException unreadable)
            {
                throw new ApiException(StatusCodes.Status422UnprocessableEntity, "document.unreadable_pdf",
                    $"The current revision cannot be updated: {unreadable.Message}");
            }

            output.Position = 0;
            document.PlaceDateLine(command.Body.Place?.Trim());
            await revisions.AddAsync(document, output, user.UserName, "Issue fields added", clock.GetUtcNow(), ct);
            return DocumentResponse.From(document);
        }

        static void CheckNotSigned(PdfDocument pdf)
        {
            if (pdf.Fields.FirstOrDefault(f => f.IsSigned) is { } signed)
                throw new ApiException(StatusCodes.Status409Conflict, "document.already_signed",
                    $"The current revision is signed (field '{signed.FullName}'); fields added now would break that signature's permissions.");
        }

        /// <summary>The PDF reader seeks; a store that streams (S3) gets copied to a temporary file first.</summary>
        static async Task<Stream> SeekableAsync(Stream content, CancellationToken ct)
        {
            if (content.CanSeek)
                return content;
            await using (content)
            {
                var copy = TemporaryFile();
                await content.CopyToAsync(copy, ct);
                copy.Position = 0;
                return copy;
            }
        }

        static FileStream TemporaryFile() =>
            new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
    }
}
