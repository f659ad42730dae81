using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DocService.Api.Features.Documents;

/// <summary>A drafter uploads a PDF made elsewhere (Word, LibreOffice): it becomes revision 1 of a new draft.</summary>
public static class UploadDocument
{
    public sealed class Form
    {
        public IFormFile? File { get; set; }
        public string? TypeName { get; set; }
        public string? Subject { get; set; }
        public string? CodeNotation { get; set; }
        public Priority? Priority { get; set; }
        public DateOnly? DueDate { get; set; }
        public string? ToPlaces { get; set; }
    }

    public sealed record Command(Guid DocumentId, Form Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.upload";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { Body.TypeName, Body.Subject, Body.CodeNotation, Body.Priority, File = Body.File?.FileName, Body.File?.Length };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.File is null)
                yield return ("file", "Attach the PDF as a multipart part named 'file'.");
            foreach (var problem in MetadataRules.Check(Body.TypeName, Body.Subject, Body.CodeNotation, Body.ToPlaces))
                yield return problem;
        }
    }

    public static void Map(RouteGroupBuilder documents, long maxUploadBytes) =>
        documents.MapPost("/", Handle)
            .RequireAuthorization(Policies.Drafter)
            .RequireUploadRateLimit()
            .DisableAntiforgery() // bearer tokens, no cookies: nothing for a cross-site form to ride on
            .Accepts<Form>("multipart/form-data")
            .WithMetadata(new UploadSizeLimit(maxUploadBytes))
            .AddEndpointFilter<IdempotencyFilter>()
            .Produces<DocumentResponse>(StatusCodes.Status201Created)
            .WithSummary("Create a draft by uploading a PDF")
            .WithDescription("Multipart form with the PDF in the part named `file`. Send `Idempotency-Key` to make retries safe.");

    static async Task<IResult> Handle([FromForm] Form form, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var document = await mediator.Send(new Command(Guid.CreateVersion7(), form), ct);
        return document.CreatedWithETag(http);
    }

    internal sealed class Handler(DocServiceDb db, RevisionStore revisions, CurrentUser user, TimeProvider clock, IOptions<DocumentsOptions> options)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var file = command.Body.File!;
            await PdfUpload.CheckReadableAsync(file, options.Value.MaxUploadBytes, ct);

            var now = clock.GetUtcNow();
            var metadata = new DocumentMetadata(
                command.Body.TypeName!.Trim(), command.Body.Subject!.Trim(), command.Body.CodeNotation?.Trim(),
                Priority: command.Body.Priority ?? Priority.Normal, DueDate: command.Body.DueDate, ToPlaces: command.Body.ToPlaces);
            var document = Document.CreateOutgoing(command.DocumentId, user.Organ, metadata, user.UserName, now);

            await using (var content = file.OpenReadStream())
                await revisions.AddAsync(document, content, user.UserName, "Uploaded", now, ct);

            db.Documents.Add(document);
            return DocumentResponse.From(document);
        }
    }
}
