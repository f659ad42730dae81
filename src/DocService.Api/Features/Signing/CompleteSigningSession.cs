using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Domain.Signing;
using DocService.Api.Features.Archive;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Signing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Signing;

/// <summary>
/// Step three (EU DSS signDocument): the signature value made on the official's token — or a complete
/// CMS carrying it — is checked against exactly what the session prepared, embedded into the prepared
/// PDF and stored as the next revision; the document moves on (Approved → Signed, Signed → Issued with
/// the held register number) and the audit chain gets the same entry server-side signing leaves. All
/// of it in the command's one transaction: a value that does not verify leaves nothing behind and the
/// session usable until it expires.
/// </summary>
public static class CompleteSigningSession
{
    public sealed record Request(string? SignatureValue = null, string? Cms = null, SignatureAlgorithm? SignatureAlgorithm = null);

    public sealed record Command(Guid SessionId, Request Body) : ICommand<DocumentResponse>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if ((Body.SignatureValue is null) == (Body.Cms is null))
                yield return ("signatureValue", "Send either signatureValue or cms (base64), not both.");
            if (Body.SignatureValue is { } value && !IsBase64(value))
                yield return ("signatureValue", "The signature value is base64.");
            if (Body.Cms is { } cms && !IsBase64(cms))
                yield return ("cms", "The CMS is base64 DER.");
        }

        static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
    }

    public static void Map(RouteGroupBuilder sessions) =>
        sessions.MapPut("/{sessionId:guid}/signature",
                async (Guid sessionId, Request body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(sessionId, body), ct)).WithETag(http))
            .RequireAuthorization(Policies.Member)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Complete a signing session with the signature value (or a complete CMS) made on the official's token");

    internal sealed class Handler(
        DocServiceDb db, RemoteSigning remote, SignerCertificates signerCertificates, Infrastructure.Registers.Registers registers, ArchiveQueue archive, AuditChain audit,
        CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            // Another official's session, or another organ's, does not exist for this caller.
            var session = await db.SigningSessions.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == command.SessionId && s.OrganId == user.Organ.Value && s.UserName == user.UserName, ct)
                ?? throw ApiException.NotFound($"Signing session {command.SessionId}");
            if (session.CompletedAt is not null)
                throw new ApiException(409, "signing_session.completed", "This signing session was already completed; a session signs once.");
            if (session.ExpiresAt <= now)
                throw new ApiException(410, "signing_session.expired", $"This signing session expired at {session.ExpiresAt:O}; open a new one.");
            OpenSigningSession.EnsureMayTake(user, session.Step);

            // One-shot: of concurrent completions only one matches this row; the others wait for its commit
            // (PostgreSQL row lock, SQLite write lock) and then find it completed. A failure below rolls it back.
            var claimed = await db.SigningSessions
                .Where(s => s.Id == session.Id && s.CompletedAt == null && s.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedAt, now), ct);
            if (claimed == 0)
                throw new ApiException(409, "signing_session.completed", "This signing session was completed by another request.");

            var document = await db.FindAsync(user.Organ, session.DocumentId, ct);
            if (document.Version != session.DocumentVersion || document.CurrentRevision.Number != session.RevisionNumber)
                throw new ApiException(409, "signing_session.document_changed",
                    $"The document changed since the session was opened (version {session.DocumentVersion}, now {document.Version}); open a new session.");
            var action = session.Step == SigningStep.Approve ? DocumentAction.Sign : DocumentAction.Issue;
            DocumentLifecycle.Next(document.Status, action);
            // Again before anything is stored: the registration may have been removed, or the certificate revoked, since the session opened.
            var certificates = RemoteSigning.Certificates(session.CertificatesDer);
            await signerCertificates.EnsureMaySignAsync(user, session.Step, certificates, ct);

            var number = 0;
            if (session.Step == SigningStep.Issue)
            {
                number = await registers.TakeNumberAsync(RegisterKind.Outgoing, user.Organ, session.RegisterYear!.Value, ct);
                if (number != session.RegisterNumber)
                    throw new ApiException(409, "register.number_taken",
                        $"Number {session.RegisterNumber} printed in the prepared document is no longer the register's next ({number}); open a new session.");
            }

            var reason = session.Step == SigningStep.Approve ? SignDocument.Revision : IssueDocument.Revision(number, document.CodeNotation);
            await remote.CompleteAsync(session, document, Bytes(command.Body.SignatureValue), Bytes(command.Body.Cms),
                command.Body.SignatureAlgorithm, user.UserName, reason, ct);

            DocumentResponse response;
            if (session.Step == SigningStep.Approve)
            {
                document.MarkSigned(clock.GetUtcNow(), certificates[0].GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false));
                response = DocumentResponse.From(document);
            }
            else
            {
                document.Issue(number, session.IssuedDate!.Value, clock.GetUtcNow());
                var job = archive.Enqueue(document, clock.GetUtcNow());
                response = DocumentResponse.From(document) with { Archive = ArchiveResponse.From(job, document) };
            }

            // The same entry server-side signing leaves; the action depends on the session's step, so it is written here.
            await audit.AppendAsync(new AuditRecord(user.UserName, user.Organ.Value,
                session.Step == SigningStep.Approve ? "document.sign" : "document.issue", document.Id.ToString(),
                JsonSerializer.Deserialize<JsonElement>(session.AuditPayloadJson)), ct);
            return response;
        }

        static byte[]? Bytes(string? base64) => base64 is null ? null : Convert.FromBase64String(base64);
    }
}
