using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>
/// An organ's admin records an official under the subject their OIDC sign-in carries; from then on the roles
/// recorded here decide what the official may do. The platform admin records the first admin of a new organ.
/// </summary>
public static class CreateOfficial
{
    public sealed record Request(
        string UserName, string FullName, string? Position = null, Guid? UnitId = null, IReadOnlyList<string>? Roles = null, string? Email = null,
        string? OrganId = null);

    public sealed record Command(OrganId Organ, Request Body) : ICommand<OfficialResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "official.create";
        public string AuditTarget => Body.UserName;
        public object AuditPayload => new { Body.UserName, Body.FullName, Body.Position, Body.UnitId, Body.Roles, Body.Email };
        public string? AuditOrganId => Organ.Value;

        public IEnumerable<(string Field, string Problem)> Validate() =>
            OfficialRules.CheckUserName(Body.UserName).Concat(OfficialRules.Check(Body.FullName, Body.Position, Body.Roles, Body.Email, creating: true));
    }

    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/", async (Request body, CurrentUser user, IMediator mediator, CancellationToken ct) =>
            {
                var official = await mediator.Send(new Command(AdminScope.OrganOf(user, body.OrganId), body), ct);
                return TypedResults.Created($"/api/v1/admin/users/{Uri.EscapeDataString(official.UserName)}", official);
            })
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record an official of the organ")
            .WithDescription("`userName` is the OIDC `sub` of the official's sign-in. Roles: drafter, signer, clerk, auditor, admin. "
                + "The platform admin names the organ in `organId`. The signature image is set with `PUT /api/v1/admin/images/User/{userName}/Signature`.");

    internal sealed class Handler(DocServiceDb db, OfficialDirectory directory, TimeProvider clock) : ICommandHandler<Command, OfficialResponse>
    {
        public async ValueTask<OfficialResponse> Handle(Command command, CancellationToken ct)
        {
            var organ = command.Organ.Value;
            var body = command.Body;
            if (!await db.Organs.AnyAsync(o => o.Id == organ, ct))
                throw new ApiException(422, "organ.not_registered", $"Organ {organ} is not registered: the platform admin registers it first.");
            if (await db.Officials.AnyAsync(o => o.OrganId == organ && o.UserName == body.UserName, ct))
                throw new ApiException(409, "official.exists", $"{body.UserName} is already an official of {organ}.");
            await UnitChecks.RequireActiveAsync(db, organ, body.UnitId, "unitId", ct);
            var now = clock.GetUtcNow();
            var official = new Official
            {
                OrganId = organ,
                UserName = body.UserName,
                FullName = body.FullName.Trim(),
                Position = body.Position?.Trim() ?? "",
                UnitId = body.UnitId,
                Roles = [.. (body.Roles ?? []).Distinct()],
                Email = body.Email is { Length: > 0 } email ? email.Trim() : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Officials.Add(official);
            directory.ForgetOfficial(organ, official.UserName);
            return await db.ToResponseAsync(official, ct);
        }
    }
}
