using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Administration;

/// <summary>
/// An official leaves (or comes back). The record stays — the audit log and the registers name them — but their
/// sign-in is refused from the next request on this node and within 30 seconds on every other.
/// </summary>
public static class DeactivateOfficial
{
    public sealed record Command(string Organ, string UserName, bool Active) : ICommand<OfficialResponse>, IAuditedCommand
    {
        public string AuditAction => Active ? "official.reactivate" : "official.deactivate";
        public string AuditTarget => UserName;
        public object AuditPayload => new { UserName, Active };
        public string? AuditOrganId => Organ;
    }

    public static void Map(RouteGroupBuilder users)
    {
        users.MapPost("/{userName}/deactivate", async (string userName, string? organ, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(AdminScope.OrganOf(user, organ).Value, userName, false), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deactivate an official: their sign-in is refused, their record kept");
        users.MapPost("/{userName}/reactivate", async (string userName, string? organ, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(AdminScope.OrganOf(user, organ).Value, userName, true), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reactivate an official");
    }

    internal sealed class Handler(DocServiceDb db, CurrentUser user, OfficialDirectory directory, TimeProvider clock) : ICommandHandler<Command, OfficialResponse>
    {
        public async ValueTask<OfficialResponse> Handle(Command command, CancellationToken ct)
        {
            // An admin who locks themselves out leaves the organ with nobody to undo it.
            if (!command.Active && !user.IsInRole(Roles.PlatformAdmin) && command.UserName == user.UserName)
                throw new ApiException(409, "official.self_deactivation", "You cannot deactivate yourself; ask another admin.");
            var official = await OfficialRules.FindAsync(db, command.Organ, command.UserName, ct);
            official.Active = command.Active;
            official.UpdatedAt = clock.GetUtcNow();
            directory.ForgetOfficial(official.OrganId, official.UserName);
            return await db.ToResponseAsync(official, ct);
        }
    }
}
