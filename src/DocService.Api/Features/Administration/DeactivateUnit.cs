using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>Closes a unit (or opens it again): documents once assigned to it keep naming it; nothing new is assigned to it.</summary>
public static class DeactivateUnit
{
    public sealed record Command(Guid Id, string Organ, bool Active) : ICommand<UnitResponse>, IAuditedCommand
    {
        public string AuditAction => Active ? "unit.reactivate" : "unit.deactivate";
        public string AuditTarget => Id.ToString();
        public object AuditPayload => new { Id, Active };
        public string? AuditOrganId => Organ;
    }

    public static void Map(RouteGroupBuilder units)
    {
        units.MapPost("/{id:guid}/deactivate", async (Guid id, string? organ, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, AdminScope.OrganOf(user, organ).Value, false), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deactivate a unit");
        units.MapPost("/{id:guid}/reactivate", async (Guid id, string? organ, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, AdminScope.OrganOf(user, organ).Value, true), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reactivate a unit");
    }

    internal sealed class Handler(DocServiceDb db, TimeProvider clock) : ICommandHandler<Command, UnitResponse>
    {
        public async ValueTask<UnitResponse> Handle(Command command, CancellationToken ct)
        {
            var unit = await UnitChecks.FindAsync(db, command.Organ, command.Id, ct);
            unit.Active = command.Active;
            unit.UpdatedAt = clock.GetUtcNow();
            return UnitResponse.From(unit);
        }
    }
}
