using DocService.Api.Domain.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using Mediator;

namespace DocService.Api.Features.Keys;

/// <summary>
/// An admin registers a certificate the service does not hold the key of — an official's USB token or remote-signing
/// certificate, or the organ's seal on a token — to whom it belongs. Only a registered certificate signs in a
/// three-step session, and only for its owner.
/// </summary>
public static class RegisterCertificate
{
    /// <param name="OwnerKind">User (an official) or Organ (the organ's seal).</param>
    /// <param name="OwnerId">The official's user name; ignored for the organ.</param>
    /// <param name="Certificate">The certificate first, then its intermediates: each base64 DER or PEM.</param>
    public sealed record Request(KeyOwnerKind? OwnerKind, string? OwnerId, IReadOnlyList<string> Certificate);

    public sealed record Command(Request Body) : ICommand<CertificateResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "certificate.register";
        public string AuditTarget => $"{Body.OwnerKind}/{Body.OwnerId}";
        public object AuditPayload => new { Body.OwnerKind, Body.OwnerId };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.OwnerKind is null || !Enum.IsDefined(Body.OwnerKind.Value))
                yield return ("ownerKind", "Say whose certificate it is: User or Organ.");
            if (Body.OwnerKind == KeyOwnerKind.User && (string.IsNullOrWhiteSpace(Body.OwnerId) || Body.OwnerId.Length > 200))
                yield return ("ownerId", "Name the official (user name, at most 200 characters) the certificate belongs to.");
            if (Body.Certificate is not { Count: > 0 and <= 10 })
                yield return ("certificate", "Send the certificate first, then its intermediates (at most 10).");
        }
    }

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/certificates", async (Request body, IMediator mediator, CancellationToken ct) =>
            {
                var registered = await mediator.Send(new Command(body), ct);
                return TypedResults.Created($"/api/v1/admin/certificates/{registered.Id}", registered);
            })
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Register an official's (or the organ seal's) signing certificate for three-step signing")
            .WithDescription("The certificate must chain to a root the organ trusts, be valid now, allow signing and not be revoked "
                + "(revocation unavailable: 503). An organ's certificate is its own: `ownerId` is ignored for `Organ`.");

    internal sealed class Handler(CertificateRegistrations registrations, CurrentUser user) : ICommandHandler<Command, CertificateResponse>
    {
        public async ValueTask<CertificateResponse> Handle(Command command, CancellationToken ct)
        {
            var body = command.Body;
            var organ = user.Organ.Value;
            var ownerId = body.OwnerKind == KeyOwnerKind.Organ ? organ : body.OwnerId!.Trim();
            var chain = RemoteSigning.ParseChain(body.Certificate, "certificate");
            return CertificateResponse.From(await registrations.AddAsync(
                organ, body.OwnerKind!.Value, ownerId, chain, CertificateRegistrationStatus.Active, user.UserName, ct));
        }
    }
}
