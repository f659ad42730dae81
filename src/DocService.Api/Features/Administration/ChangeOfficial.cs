using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Administration;

/// <summary>Changes an official's name, position, unit, roles or e-mail; fields left out stay as they are. New roles apply within 30 seconds.</summary>
public static class ChangeOfficial
{
    public sealed record Request(string? FullName = null, string? Position = null, Guid? UnitId = null, IReadOnlyList<string>? Roles = null, string? Email = null);

    public sealed record Command(string Organ, string UserName, Request Body) : ICommand<OfficialResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "official.change";
        public string AuditTarget => UserName;
        public object AuditPayload => new { UserName, Body.FullName, Body.Position, Body.UnitId, Body.Roles, Body.Email };
        public string? AuditOrganId => Organ;

        public IEnumerable<(string Field, string Problem)> Validate() =>
            OfficialRules.Check(Body.FullName, Body.Position, Body.Roles, Body.Email, creating: false);
    }

    public static void Map(RouteGroupBuilder users) =>
        users.MapPatch("/{userName}", async (string userName, string? organ, Request body, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(AdminScope.OrganOf(user, organ).Value, userName, body), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change an official");

    internal sealed class Handler(DocServiceDb db, OfficialDirectory directory, TimeProvider clock) : ICommandHandler<Command, OfficialResponse>
    {
        public async ValueTask<OfficialResponse> Handle(Command command, CancellationToken ct)
        {
            var official = await OfficialRules.FindAsync(db, command.Organ, command.UserName, ct);
            var body = command.Body;
            if (body.UnitId is { } unit)
            {
                await UnitChecks.RequireActiveAsync(db, official.OrganId, unit, "unitId", ct);
                official.UnitId = unit;
            }
            if (body.FullName is not null) official.FullName = body.FullName.Trim();
            if (body.Position is not null) official.Position = body.Position.Trim();
            if (body.Roles is not null) official.Roles = [.. body.Roles.Distinct()];
            if (body.Email is not null) official.Email = body.Email.Length > 0 ? body.Email.Trim() : null;
            official.UpdatedAt = clock.GetUtcNow();
            directory.ForgetOfficial(official.OrganId, official.UserName);
            return await db.ToResponseAsync(official, ct);
        }
    }
}
