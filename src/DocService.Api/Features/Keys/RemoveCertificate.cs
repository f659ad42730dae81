using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Keys;

/// <summary>An admin withdraws a registration (a lost token, an official who left): the certificate no longer signs here.</summary>
public static class RemoveCertificate
{
    public sealed record Command(Guid Id) : ICommand<bool>, IAuditedCommand
    {
        public string AuditAction => "certificate.remove";
        public string AuditTarget => Id.ToString();
        public object AuditPayload => new { Id };
    }

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapDelete("/certificates/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Withdraw a registered certificate");

    internal sealed class Handler(DocServiceDb db, CertificateRegistrations registrations, CurrentUser user) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken ct)
        {
            db.CertificateRegistrations.Remove(await registrations.FindAsync(user.Organ.Value, command.Id, ct));
            return true;
        }
    }
}
