using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Timestamps;
using DocService.Signing.Pades;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Signing;

/// <summary>
/// Raises the signatures of the current revision to B-T, B-LT or B-LTA (DESIGN §4): a document
/// timestamp where a signature has none, the DSS with certificates and revocation data, an
/// archive timestamp over it all — appended as the next revision, earlier bytes untouched. When
/// the TSA or a revocation source is down nothing is stored (503), and the call can be repeated.
/// </summary>
public static class ExtendDocument
{
    public sealed record Request(PadesLevel Level = PadesLevel.BLTA);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.extend";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Level };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.Level == PadesLevel.BB || !Enum.IsDefined(Body.Level))
                yield return ("level", "Extend to B-T, B-LT or B-LTA.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/extend",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct)).WithETag(http))
            .RequireAuthorization(policy => policy.RequireClaim(DocServiceClaims.Role, Roles.Signer, Roles.Clerk))
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Extend the document's signatures to B-T, B-LT or B-LTA (timestamps and validation data)");

    internal sealed class Handler(DocServiceDb db, RevisionStore revisions, DocumentLevels levels, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var extender = await levels.ExtenderAsync(document.OrganId, ct);
            await using var input = await revisions.OpenAsync(document.CurrentRevision, ct);
            await using var output = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            try
            {
                await extender.ExtendAsync(input, output, command.Body.Level, ct);
            }
            catch (SignatureNotPermittedException refused)
            {
                throw new ApiException(422, refused.Code, refused.Message);
            }
            if (output.Length == input.Length)
                return DocumentResponse.From(document); // already at that level: no new revision
            output.Position = 0;
            await revisions.AddAsync(document, output, user.UserName, $"Extended to {Label(command.Body.Level)}", clock.GetUtcNow(), ct);
            return DocumentResponse.From(document);
        }

        static string Label(PadesLevel level) => level switch
        {
            PadesLevel.BT => "B-T",
            PadesLevel.BLT => "B-LT",
            _ => "B-LTA",
        };
    }
}
