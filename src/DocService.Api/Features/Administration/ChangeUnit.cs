using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>Renames a unit, changes its code or where it sits; fields left out stay as they are.</summary>
public static class ChangeUnit
{
    public sealed record Request(string? Code = null, string? Name = null, Guid? ParentUnitId = null);

    public sealed record Command(Guid Id, string Organ, Request Body) : ICommand<UnitResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "unit.change";
        public string AuditTarget => Id.ToString();
        public object AuditPayload => new { Id, Body.Code, Body.Name, Body.ParentUnitId };
        public string? AuditOrganId => Organ;

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.ParentUnitId == Id)
                yield return ("parentUnitId", "A unit is not its own parent.");
            foreach (var problem in UnitRules.Check(Body.Code, Body.Name, creating: false))
                yield return problem;
        }
    }

    public static void Map(RouteGroupBuilder units) =>
        units.MapPatch("/{id:guid}", async (Guid id, string? organ, Request body, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, AdminScope.OrganOf(user, organ).Value, body), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a unit");

    internal sealed class Handler(DocServiceDb db, TimeProvider clock) : ICommandHandler<Command, UnitResponse>
    {
        public async ValueTask<UnitResponse> Handle(Command command, CancellationToken ct)
        {
            var unit = await UnitChecks.FindAsync(db, command.Organ, command.Id, ct);
            if (command.Body.Code?.Trim() is { } code && code != unit.Code)
            {
                if (await db.Units.AnyAsync(u => u.OrganId == unit.OrganId && u.Code == code, ct))
                    throw new ApiException(409, "unit.exists", $"The organ already has a unit {code}.");
                unit.Code = code;
            }
            if (command.Body.Name is not null) unit.Name = command.Body.Name.Trim();
            if (command.Body.ParentUnitId is { } parent)
            {
                await UnitChecks.RequireActiveAsync(db, unit.OrganId, parent, "parentUnitId", ct);
                unit.ParentUnitId = parent;
            }
            unit.UpdatedAt = clock.GetUtcNow();
            return UnitResponse.From(unit);
        }
    }
}
