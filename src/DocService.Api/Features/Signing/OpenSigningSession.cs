using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Domain.Signing;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Signing;
using DocService.Signing.Pades;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Signing;

/// <summary>
/// Step one of three for an official whose key stays on their own token (EU DSS getDataToSign): the
/// service prepares the signature revision — the same field, appearance, certification and, for the
/// issue step, the same number and date fills as server-side signing — and answers the DER signed
/// attributes to sign. The client signs them and completes the session (<see cref="CompleteSigningSession"/>).
/// The certificate must be one that may sign for the caller (<see cref="SignerCertificates"/>): trusted by the organ,
/// valid, not revoked, and registered to the leader (Approve) or to the organ's seal (Issue).
/// </summary>
/// <remarks>
/// The register number of the issue step. The signed attributes cover the digest of the PDF, and the PDF
/// prints the number, so the number must be fixed when the session opens — but the register must stay
/// gap-free, and a session may never be completed. Reserving it (taking it in its own transaction, and
/// voiding it in the register when the session expires) would leave a gap for every abandoned session.
/// Instead the session <em>holds</em> the next number without taking it: it is read with the register's
/// counter row locked, and while the session is live no other issue of the organ's outgoing register
/// for that year may take a number (server-side issue and other sessions answer 409 <c>register.held</c>).
/// Completing takes the number in the completing transaction, exactly as server-side issue does; a session
/// that expires simply lets go, and the same number goes to the next issue. The cost is that issuing in one
/// organ is serialised for at most a session's life (10 minutes by default) while a clerk signs on their
/// token; the clerk who opened it can open it again for the same document at once (the old one is dropped).
/// </remarks>
public static class OpenSigningSession
{
    /// <summary>How the signature looks: the stored image (signature or seal), or the text caption.</summary>
    public enum Appearance
    {
        Image,
        Text,
    }

    public sealed record Request(
        SigningStep Step,
        IReadOnlyList<string> CertificateChain,
        PadesLevel? Level = null,
        Appearance SignatureAppearance = Appearance.Image,
        DocMdpPermission? Certify = DocMdpPermission.FormFillingAndSigning,
        string? Reason = null,
        string? Location = null,
        SignatureAlgorithm? SignatureAlgorithm = null,
        DigestAlgorithm DigestAlgorithm = DigestAlgorithm.Sha256);

    public sealed record Response(
        Guid SessionId,
        Guid DocumentId,
        SigningStep Step,
        string DataToSign,
        string DigestToSign,
        DigestAlgorithm DigestAlgorithm,
        IReadOnlyList<SignatureAlgorithm> SignatureAlgorithms,
        DateTimeOffset ExpiresAt,
        int? RegisterNumber);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<Response>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "signing_session.open";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Step, Body.Level, Body.Certify, Body.Reason, Body.Location };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.CertificateChain is not { Count: > 0 and <= 10 })
                yield return ("certificateChain", "Send the signer's certificate first, then its intermediates (at most 10).");
            if (Body.Reason is { Length: > 200 })
                yield return ("reason", "A reason has at most 200 characters.");
            if (Body.Location is { Length: > 200 })
                yield return ("location", "A location has at most 200 characters.");
            if (Body.Certify is { } p && !Enum.IsDefined(p))
                yield return ("certify", "Certification permissions are 1, 2 or 3.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/signing-sessions",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken ct) =>
                {
                    var response = await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct);
                    return TypedResults.Created($"/api/v1/signing-sessions/{response.SessionId}", response);
                })
            .RequireAuthorization(Policies.Member)
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Open a three-step signing session: the data to sign with the official's own token (leader: Approve; clerk: Issue)");

    /// <summary>The leader signs (Approve) with the signer role, the clerk issues with the clerk role, as server-side.</summary>
    internal static void EnsureMayTake(CurrentUser user, SigningStep step)
    {
        var role = step == SigningStep.Approve ? Roles.Signer : Roles.Clerk;
        if (!user.IsInRole(role))
            throw new UnauthorizedAccessException($"The {step} step needs the {role} role.");
    }

    internal sealed class Handler(
        DocServiceDb db, DocumentSigning signing, RemoteSigning remote, SignerCertificates signerCertificates, Infrastructure.Registers.Registers registers,
        CurrentUser user, IConfiguration configuration, TimeProvider clock, Infrastructure.Timestamps.DocumentLevels levels)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken ct)
        {
            var body = command.Body;
            EnsureMayTake(user, body.Step);
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            DocumentLifecycle.Next(document.Status, body.Step == SigningStep.Approve ? DocumentAction.Sign : DocumentAction.Issue);
            // The level of server-side signing: B-T by default once a TSA is configured, B-B without one.
            var level = body.Level ?? levels.Default;
            if (level >= PadesLevel.BT && levels.Tsa is null)
                throw new ApiException(422, "signature.level_unavailable", $"Level {level} needs a timestamping authority, which is not configured.");

            var utcNow = clock.GetUtcNow();
            var now = utcNow.ToOffset(VietnamTime.Offset);
            var certificates = RemoteSigning.ParseChain(body.CertificateChain);
            var signer = certificates[0];
            await signerCertificates.EnsureMaySignAsync(user, body.Step, certificates, ct);
            if (body.Step == SigningStep.Approve)
                await PrintedSigner.EnsureSignerIsPrintedAsync(db, document, user.UserName, signer, ct);
            var accepted = RemoteSigning.Accepted(signer);
            var algorithm = body.SignatureAlgorithm ?? accepted[0];
            if (!accepted.Contains(algorithm))
                throw new ApiException(422, "signature.algorithm_unsupported", $"{algorithm} cannot be used with the key of {signer.Subject}.");

            var sessionId = Guid.CreateVersion7();
            var name = signer.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            int? number = null;
            DateOnly? date = null;
            Func<DocService.Pdf.Document.PdfDocument, PadesSignatureOptions> describe;
            object auditPayload;
            if (body.Step == SigningStep.Approve)
            {
                var image = body.SignatureAppearance == Appearance.Image
                    ? await signing.ImageOfAsync(user.Organ.Value, KeyOwnerKind.User, user.UserName, OwnerImageKind.Signature, ct)
                    : null;
                describe = pdf => AtLevel(SignDocument.Options(pdf, image, name, now, body.Certify, body.Reason, body.Location) with { DigestAlgorithm = body.DigestAlgorithm }, level);
                auditPayload = new { DocumentId = document.Id, KeyId = (Guid?)null, body.Certify, Level = level, body.Reason, body.Location, SessionId = sessionId };
            }
            else
            {
                var seal = body.SignatureAppearance == Appearance.Image
                    ? await signing.ImageOfAsync(user.Organ.Value, KeyOwnerKind.Organ, user.Organ.Value, OwnerImageKind.Seal, ct)
                    : null;
                date = VietnamTime.Today(now);
                number = await registers.PeekNextNumberAsync(RegisterKind.Outgoing, user.Organ, date.Value.Year, ct);
                await DropOwnEarlierSessionsAsync(document.Id, utcNow, ct);
                await RemoteSigning.EnsureRegisterNotHeldAsync(db, user.Organ.Value, date.Value.Year, null, utcNow, ct);
                var (heldNumber, heldDate) = (number.Value, date.Value);
                describe = pdf => AtLevel(IssueDocument.Options(pdf, seal, name, document, heldNumber, heldDate, now) with { DigestAlgorithm = body.DigestAlgorithm }, level);
                auditPayload = new { DocumentId = document.Id, Level = level, SessionId = sessionId };
            }

            var prepared = await remote.PrepareAsync(document, sessionId, certificates, algorithm, describe, ct);
            var session = new SigningSession
            {
                Id = sessionId,
                DocumentId = document.Id,
                OrganId = user.Organ.Value,
                UserName = user.UserName,
                Step = body.Step,
                DocumentVersion = document.Version,
                RevisionNumber = document.CurrentRevision.Number,
                CertificatesDer = RemoteSigning.Concatenate(certificates),
                SignatureAlgorithm = algorithm.ToString(),
                DigestAlgorithm = body.DigestAlgorithm.ToString(),
                SigningTime = utcNow, // PostgreSQL keeps UTC only; the PDF already carries the Vietnam-time /M
                AuditPayloadJson = JsonSerializer.Serialize(auditPayload),
                PreparedKey = prepared.Stored.Key,
                PreparedSha256 = prepared.Stored.Sha256,
                ByteRange1 = prepared.Pdf.ByteRange[1],
                ByteRange2 = prepared.Pdf.ByteRange[2],
                ByteRange3 = prepared.Pdf.ByteRange[3],
                ContentsOffset = prepared.Pdf.Contents.Offset,
                ContentsLength = prepared.Pdf.Contents.Length,
                ContentDigest = prepared.Pdf.Digest,
                DataToSign = prepared.Cms.DataToSign.ToArray(),
                RegisterNumber = number,
                RegisterYear = date?.Year,
                IssuedDate = date,
                CreatedAt = utcNow,
                ExpiresAt = utcNow + configuration.GetValue("Signing:SessionLifetime", TimeSpan.FromMinutes(10)),
            };
            db.SigningSessions.Add(session);

            return new Response(session.Id, document.Id, body.Step,
                Convert.ToBase64String(prepared.Cms.DataToSign.Span), Convert.ToBase64String(prepared.Cms.DigestToSign.Span),
                body.DigestAlgorithm, accepted, session.ExpiresAt, number);
        }

        // A timestamped level needs room in /Contents for the token (and the TSA's chain) added at completion.
        static PadesSignatureOptions AtLevel(PadesSignatureOptions options, PadesLevel level) => options with
        {
            Level = level,
            ReservedContentsBytes = level >= PadesLevel.BT
                ? Math.Max(options.ReservedContentsBytes, PadesSignatureOptions.TimestampedContentsBytes)
                : options.ReservedContentsBytes,
        };

        // A clerk who lost the data to sign opens again for the same document; their earlier session goes.
        Task DropOwnEarlierSessionsAsync(Guid documentId, DateTimeOffset now, CancellationToken ct) =>
            db.SigningSessions
                .Where(s => s.OrganId == user.Organ.Value && s.UserName == user.UserName && s.DocumentId == documentId
                            && s.Step == SigningStep.Issue && s.CompletedAt == null && s.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, now), ct);
    }
}
