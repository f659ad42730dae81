using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Verification;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Signing.Validation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DocService.Api.Features.Incoming;

/// <summary>
/// The receiving clerk registers a document that came on paper (scanned), by e-mail or by fax: it is stored as
/// revision 1 of an incoming document and gets the next arrival number of the organ's year — the counter axis
/// arrivals take from too. A signed PDF has its signatures verified; the verdict is kept with the arrival.
/// </summary>
public static class RegisterArrival
{
    public sealed class Form
    {
        public IFormFile? File { get; set; }
        public string? SenderName { get; set; }
        /// <summary>The sender's organ code, when it has one.</summary>
        public string? SenderOrganId { get; set; }
        public int? SenderNumber { get; set; }
        public string? SenderNotation { get; set; }
        public DateOnly? DocumentDate { get; set; }
        public string? TypeName { get; set; }
        public string? Subject { get; set; }
        public ArrivalChannel? ReceivedVia { get; set; }
        public Priority? Priority { get; set; }
        public DateOnly? DueDate { get; set; }
    }

    public sealed record SignatureCheck(Guid VerificationId, string Indication, int Signatures);

    public sealed record Response(DocumentResponse Document, SignatureCheck? Signatures);

    public sealed record Command(Guid DocumentId, Form Body) : ICommand<Response>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.arrival";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new
        {
            Body.SenderName, Body.SenderOrganId, Body.SenderNumber, Body.SenderNotation, Body.DocumentDate, Body.TypeName, Body.Subject,
            Body.ReceivedVia, Body.Priority, Body.DueDate, File = Body.File?.FileName, Body.File?.Length,
        };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.File is null)
                yield return ("file", "Attach the scan or PDF as a multipart part named 'file'.");
            if (string.IsNullOrWhiteSpace(Body.SenderName))
                yield return ("senderName", "Say who sent it (tác giả, e.g. Sở Tài chính tỉnh Nghệ An).");
            else if (Body.SenderName.Length > 300)
                yield return ("senderName", "A sender's name has at most 300 characters.");
            else if (DocService.Drafting.Validation.PlainText.Problem(Body.SenderName) is { } problem)
                yield return ("senderName", $"The field {problem}.");
            if (Body.SenderOrganId is { Length: > 0 } organ && !OrganId.TryParse(organ, out _))
                yield return ("senderOrganId", "The sender's organ code is 13 characters like 000.00.00.H41.");
            if (Body.SenderNumber is < 1)
                yield return ("senderNumber", "The sender's number is 1 or more.");
            if (Body.ReceivedVia is null)
                yield return ("receivedVia", "Say how it came: Paper, Email or Fax.");
            else if (Body.ReceivedVia == ArrivalChannel.Axis)
                yield return ("receivedVia", "Documents over the axis are received and registered by the axis worker, not by hand.");
            foreach (var problem in MetadataRules.Check(Body.TypeName, Body.Subject, Body.SenderNotation, null))
                yield return problem.Field == "codeNotation" ? ("senderNotation", problem.Problem) : problem;
        }
    }

    public static void Map(RouteGroupBuilder incoming, long maxUploadBytes) =>
        incoming.MapPost("/", Handle)
            .RequireAuthorization(Policies.Clerk)
            .RequireUploadRateLimit()
            .DisableAntiforgery() // bearer tokens, no cookies
            .Accepts<Form>("multipart/form-data")
            .WithMetadata(new UploadSizeLimit(maxUploadBytes))
            .AddEndpointFilter<IdempotencyFilter>()
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Register an arrival that came on paper, by e-mail or by fax")
            .WithDescription("Multipart form: `file` (the PDF or scanned PDF), `senderName`, `senderOrganId`, `senderNumber`, `senderNotation` "
                + "(e.g. 15 and QĐ-UBND), `documentDate`, `typeName`, `subject`, `receivedVia` (Paper, Email, Fax), `priority`, `dueDate`. "
                + "Answers the registered document with its arrival number and, for a signed PDF, the signatures' verdict.");

    static async Task<IResult> Handle([FromForm] Form form, IMediator mediator, CancellationToken ct)
    {
        var arrival = await mediator.Send(new Command(Guid.CreateVersion7(), form), ct);
        return TypedResults.Created($"/api/v1/documents/{arrival.Document.Id}", arrival);
    }

    internal sealed class Handler(
        DocServiceDb db, RevisionStore revisions, Verifier verifier, Arrivals arrivals, CurrentUser user, TimeProvider clock, IOptions<DocumentsOptions> options)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken ct)
        {
            var body = command.Body;
            var file = body.File!;
            await PdfUpload.CheckAsync(file, options.Value.MaxUploadBytes, ct);

            var now = clock.GetUtcNow();
            var metadata = new DocumentMetadata(
                body.TypeName!.Trim(), body.Subject!.Trim(), body.SenderNotation?.Trim() is { Length: > 0 } notation ? notation : null,
                Priority: body.Priority ?? Priority.Normal, DueDate: body.DueDate);
            var origin = new IncomingOrigin(
                body.SenderOrganId is { Length: > 0 } organ ? organ : null, body.SenderName!.Trim(), null, body.SenderNumber, body.DocumentDate,
                body.ReceivedVia!.Value);
            var document = Document.ReceiveIncoming(command.DocumentId, user.Organ, origin, metadata, now, user.UserName);

            await using (var content = file.OpenReadStream())
                await revisions.AddAsync(document, content, user.UserName, $"Received by {body.ReceivedVia}", now, ct);
            SignatureCheck? signatures;
            await using (var content = file.OpenReadStream())
                signatures = await VerifyAsync(content, file.FileName, document, ct);

            db.Documents.Add(document);
            await arrivals.RegisterAsync(document, now, ct);
            return new Response(DocumentResponse.From(document), signatures);
        }

        /// <summary>The verdict on the file's signatures; null for an unsigned scan, whose check would only say it carries none.</summary>
        async Task<SignatureCheck?> VerifyAsync(Stream pdf, string fileName, Document document, CancellationToken ct) =>
            await verifier.VerifyIfSignedAsync(pdf, fileName, user.Organ, user.UserName, document.Id, ct) is { } record
                ? new SignatureCheck(record.Id, record.Indication, ValidationJson.Deserialize(record.ReportJson)!.Signatures.Count)
                : null;
    }
}
