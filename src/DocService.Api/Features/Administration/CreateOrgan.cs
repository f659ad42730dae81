using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>The platform admin registers an organ under its axis code (mã định danh).</summary>
public static class CreateOrgan
{
    public sealed record Request(
        string Id, string Name, string Abbreviation, string? ParentId = null, OrganLevel Level = OrganLevel.Province,
        string? Address = null, bool AxisEnabled = false);

    public sealed record Command(Request Body) : ICommand<OrganResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "organ.create";
        public string AuditTarget => Body.Id;
        public object AuditPayload => Body;
        public string? AuditOrganId => Body.Id;

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (!OrganId.TryParse(Body.Id, out _))
                yield return ("id", "The organ code has 13 characters like 000.00.00.H41 (Decision 20/2020/QĐ-TTg).");
            if (Body.ParentId == Body.Id)
                yield return ("parentId", "An organ is not its own parent.");
            foreach (var problem in OrganRules.Check(Body.Name, Body.Abbreviation, Body.ParentId, Body.Address, creating: true))
                yield return problem;
        }
    }

    public static void Map(RouteGroupBuilder organs) =>
        organs.MapPost("/", async (Request body, IMediator mediator, CancellationToken ct) =>
            {
                var organ = await mediator.Send(new Command(body), ct);
                return TypedResults.Created($"/api/v1/admin/organs/{organ.Id}", organ);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Register an organ (platform admin)");

    internal sealed class Handler(DocServiceDb db, TimeProvider clock) : ICommandHandler<Command, OrganResponse>
    {
        public async ValueTask<OrganResponse> Handle(Command command, CancellationToken ct)
        {
            var body = command.Body;
            if (await db.Organs.AnyAsync(o => o.Id == body.Id, ct))
                throw new ApiException(409, "organ.exists", $"Organ {body.Id} is already registered.");
            if (body.ParentId is { Length: > 0 } parent && !await db.Organs.AnyAsync(o => o.Id == parent, ct))
                throw new ApiException(422, "organ.unknown_parent", $"The parent organ {parent} is not registered.");
            var now = clock.GetUtcNow();
            var organ = new Organ
            {
                Id = body.Id,
                Name = body.Name.Trim(),
                Abbreviation = body.Abbreviation.Trim(),
                ParentId = body.ParentId is { Length: > 0 } ? body.ParentId : null,
                Level = body.Level,
                Address = body.Address?.Trim(),
                AxisEnabled = body.AxisEnabled,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Organs.Add(organ);
            return OrganResponse.From(organ);
        }
    }
}
