using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using Mediator;

namespace DocService.Api.Features.Keys;

/// <summary>An admin approves a certificate an official bound themself; from then on it signs for them.</summary>
public static class ApproveCertificate
{
    public sealed record Command(Guid Id) : ICommand<CertificateResponse>, IAuditedCommand
    {
        public string AuditAction => "certificate.approve";
        public string AuditTarget => Id.ToString();
        public object AuditPayload => new { Id };
    }

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/certificates/{id:guid}/approval", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new Command(id), ct))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approve a certificate an official bound to themself");

    internal sealed class Handler(CertificateRegistrations registrations, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, CertificateResponse>
    {
        public async ValueTask<CertificateResponse> Handle(Command command, CancellationToken ct)
        {
            var registration = await registrations.FindAsync(user.Organ.Value, command.Id, ct);
            if (registration.Status == CertificateRegistrationStatus.Active)
                throw new ApiException(409, "certificate.already_active", "This certificate is already active.");
            registration.Status = CertificateRegistrationStatus.Active;
            registration.ApprovedBy = user.UserName;
            registration.ApprovedAt = clock.GetUtcNow();
            return CertificateResponse.From(registration);
        }
    }
}
