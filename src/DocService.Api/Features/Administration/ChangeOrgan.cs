using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>
/// Changes an organ's record: its admin keeps the name, abbreviation and address current; where it sits (parent,
/// level) and whether it is on the axis are the platform admin's to change. Fields left out stay as they are.
/// </summary>
public static class ChangeOrgan
{
    public sealed record Request(
        string? Name = null, string? Abbreviation = null, string? ParentId = null, OrganLevel? Level = null, string? Address = null, bool? AxisEnabled = null);

    public sealed record Command(string Id, Request Body) : ICommand<OrganResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "organ.change";
        public string AuditTarget => Id;
        public object AuditPayload => Body;
        public string? AuditOrganId => Id;

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.ParentId == Id)
                yield return ("parentId", "An organ is not its own parent.");
            foreach (var problem in OrganRules.Check(Body.Name, Body.Abbreviation, Body.ParentId, Body.Address, creating: false))
                yield return problem;
        }
    }

    public static void Map(RouteGroupBuilder organs) =>
        organs.MapPatch("/{id}", async (string id, Request body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), ct)))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change an organ's name, abbreviation, address (its admin) or parent, level, axis (platform admin)");

    internal sealed class Handler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, OrganResponse>
    {
        public async ValueTask<OrganResponse> Handle(Command command, CancellationToken ct)
        {
            var id = AdminScope.OrganOf(user, command.Id).Value;
            var organ = await db.Organs.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw ApiException.NotFound($"Organ {id}");
            var body = command.Body;
            if (!user.IsInRole(Roles.PlatformAdmin) && (body.ParentId is not null || body.Level is not null || body.AxisEnabled is not null))
                throw new ApiException(403, "organ.platform_field", "Only the platform admin moves an organ or connects it to the axis.");
            if (body.ParentId is { Length: > 0 } parent && !await db.Organs.AnyAsync(o => o.Id == parent, ct))
                throw new ApiException(422, "organ.unknown_parent", $"The parent organ {parent} is not registered.");

            if (body.Name is not null) organ.Name = body.Name.Trim();
            if (body.Abbreviation is not null) organ.Abbreviation = body.Abbreviation.Trim();
            if (body.Address is not null) organ.Address = body.Address.Trim();
            if (body.ParentId is not null) organ.ParentId = body.ParentId.Length > 0 ? body.ParentId : null;
            if (body.Level is { } level) organ.Level = level;
            if (body.AxisEnabled is { } axis) organ.AxisEnabled = axis;
            organ.UpdatedAt = clock.GetUtcNow();
            return OrganResponse.From(organ);
        }
    }
}
