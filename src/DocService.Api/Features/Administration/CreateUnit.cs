using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>An organ's admin adds a unit (phòng, ban) that officials sit in and documents are assigned to.</summary>
public static class CreateUnit
{
    public sealed record Request(string Code, string Name, Guid? ParentUnitId = null, string? OrganId = null);

    public sealed record Command(Guid Id, OrganId Organ, Request Body) : ICommand<UnitResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "unit.create";
        public string AuditTarget => Id.ToString();
        public object AuditPayload => new { Id, Body.Code, Body.Name, Body.ParentUnitId };
        public string? AuditOrganId => Organ.Value;

        public IEnumerable<(string Field, string Problem)> Validate() => UnitRules.Check(Body.Code, Body.Name, creating: true);
    }

    public static void Map(RouteGroupBuilder units) =>
        units.MapPost("/", async (Request body, CurrentUser user, IMediator mediator, CancellationToken ct) =>
            {
                var unit = await mediator.Send(new Command(Guid.CreateVersion7(), AdminScope.OrganOf(user, body.OrganId), body), ct);
                return TypedResults.Created($"/api/v1/admin/units/{unit.Id}", unit);
            })
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add a unit to the organ")
            .WithDescription("An organ's admin adds to their own organ; the platform admin names the organ in `organId`.");

    internal sealed class Handler(DocServiceDb db, TimeProvider clock) : ICommandHandler<Command, UnitResponse>
    {
        public async ValueTask<UnitResponse> Handle(Command command, CancellationToken ct)
        {
            var organ = command.Organ.Value;
            if (!await db.Organs.AnyAsync(o => o.Id == organ, ct))
                throw new ApiException(422, "organ.not_registered", $"Organ {organ} is not registered: the platform admin registers it first.");
            var code = command.Body.Code.Trim();
            if (await db.Units.AnyAsync(u => u.OrganId == organ && u.Code == code, ct))
                throw new ApiException(409, "unit.exists", $"The organ already has a unit {code}.");
            await UnitChecks.RequireActiveAsync(db, organ, command.Body.ParentUnitId, "parentUnitId", ct);
            var now = clock.GetUtcNow();
            var unit = new OrganUnit
            {
                Id = command.Id, OrganId = organ, Code = code, Name = command.Body.Name.Trim(), ParentUnitId = command.Body.ParentUnitId,
                CreatedAt = now, UpdatedAt = now,
            };
            db.Units.Add(unit);
            return UnitResponse.From(unit);
        }
    }
}

static class UnitChecks
{
    public static async Task<OrganUnit> FindAsync(DocServiceDb db, string organ, Guid id, CancellationToken ct) =>
        await db.Units.SingleOrDefaultAsync(u => u.Id == id && u.OrganId == organ, ct) ?? throw ApiException.NotFound($"Unit {id}");

    /// <summary>A unit named in a request must be an active unit of the same organ.</summary>
    public static async Task RequireActiveAsync(DocServiceDb db, string organ, Guid? unitId, string field, CancellationToken ct)
    {
        if (unitId is { } id && !await db.Units.AnyAsync(u => u.Id == id && u.OrganId == organ && u.Active, ct))
            throw new ApiException(422, "unit.unknown", $"{field}: {id} is not an active unit of organ {organ}.");
    }
}
