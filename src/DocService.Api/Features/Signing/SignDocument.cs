using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Drafting.Appearances;
using DocService.Drafting.Fields;
using DocService.Pdf.Document;
using DocService.Signing.Pades;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Signing;

/// <summary>
/// The competent signer signs the approved document with a key the service holds (Approved →
/// Signed): a visible signature with their signature image in the signer field, certifying the
/// document with DocMDP P=2 by default so the clerk can still fill the number and date and seal it.
/// </summary>
public static class SignDocument
{
    public sealed record Request(Guid? KeyId = null, DocMdpPermission? Certify = DocMdpPermission.FormFillingAndSigning,
        string? Reason = null, string? Location = null, PadesLevel? Level = null);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.sign";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.KeyId, Body.Certify, Body.Level, Body.Reason, Body.Location };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.Reason is { Length: > 200 })
                yield return ("reason", "A reason has at most 200 characters.");
            if (Body.Location is { Length: > 200 })
                yield return ("location", "A location has at most 200 characters.");
            if (Body.Certify is { } p && !Enum.IsDefined(p))
                yield return ("certify", "Certification permissions are 1, 2 or 3.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/signatures",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct)).WithETag(http))
            .RequireAuthorization(Policies.Reviewer)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Sign the approved document with the signer's key held by the service");

    /// <summary>The revision reason the leader's signature leaves, whichever way the key was reached.</summary>
    internal const string Revision = "Signed by the competent signer";

    /// <summary>
    /// How the leader's signature looks and what it certifies: the signature image centred in the signer
    /// field, or, without one, who signed and when (ISO 8601, Vietnam time). The three-step flow uses the same.
    /// </summary>
    internal static PadesSignatureOptions Options(
        PdfDocument pdf, byte[]? image, string signerName, DateTimeOffset now, DocMdpPermission? certify, string? reason, string? location)
    {
        string[] caption = image is null ? [signerName, now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)] : [];
        var rect = DocumentSigning.RectOf(pdf, DraftFieldNames.Signer);
        return new PadesSignatureOptions
        {
            FieldName = DraftFieldNames.Signer,
            Appearance = DocumentSigning.Draw(s => AppearanceRenderer.RenderSignature(new SignatureAppearance(rect.Width, rect.Height, image, caption), s)),
            Certify = certify,
            Reason = reason ?? "Phê duyệt ban hành",
            Location = location,
            SignerName = signerName,
            SigningTime = now,
        };
    }

    internal sealed class Handler(DocServiceDb db, DocumentSigning signing, Infrastructure.Timestamps.DocumentLevels levels, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            DocumentLifecycle.Next(document.Status, DocumentAction.Sign); // refuse before any signing work

            var key = await signing.KeyOfAsync(user.Organ.Value, KeyOwnerKind.User, user.UserName, command.Body.KeyId, ct);
            var image = await signing.ImageOfAsync(user.Organ.Value, KeyOwnerKind.User, user.UserName, OwnerImageKind.Signature, ct);
            var now = clock.GetUtcNow().ToOffset(VietnamTime.Offset);

            var signerName = key.Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            await PrintedSigner.EnsureSignerIsPrintedAsync(db, document, user.UserName, key.Certificate, ct);
            await signing.SignCurrentRevisionAsync(document, key,
                pdf => Options(pdf, image, signerName, now, command.Body.Certify, command.Body.Reason, command.Body.Location) with { Level = command.Body.Level ?? levels.Default },
                user.UserName, Revision, ct);

            document.MarkSigned(clock.GetUtcNow(), signerName);
            return DocumentResponse.From(document);
        }
    }
}
