using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>
/// The platform admin closes an organ (or opens it again). Nothing is deleted — its registers and audit log keep
/// naming it — but none of its members is let in while it is inactive.
/// </summary>
public static class DeactivateOrgan
{
    public sealed record Command(string Id, bool Active) : ICommand<OrganResponse>, IAuditedCommand
    {
        public string AuditAction => Active ? "organ.reactivate" : "organ.deactivate";
        public string AuditTarget => Id;
        public object AuditPayload => new { Id, Active };
        public string? AuditOrganId => Id;
    }

    public static void Map(RouteGroupBuilder organs)
    {
        organs.MapPost("/{id}/deactivate", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, false), ct)))
            .RequireAuthorization(Policies.PlatformAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deactivate an organ: its members are refused, its records kept (platform admin)");
        organs.MapPost("/{id}/reactivate", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, true), ct)))
            .RequireAuthorization(Policies.PlatformAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reactivate an organ (platform admin)");
    }

    internal sealed class Handler(DocServiceDb db, OfficialDirectory directory, TimeProvider clock) : ICommandHandler<Command, OrganResponse>
    {
        public async ValueTask<OrganResponse> Handle(Command command, CancellationToken ct)
        {
            var organ = await db.Organs.SingleOrDefaultAsync(o => o.Id == command.Id, ct) ?? throw ApiException.NotFound($"Organ {command.Id}");
            organ.Active = command.Active;
            organ.UpdatedAt = clock.GetUtcNow();
            directory.ForgetOrgan(organ.Id);
            return OrganResponse.From(organ);
        }
    }
}
