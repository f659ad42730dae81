using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>The organ's webhook (without its secret), or 404 while none is set.</summary>
public static class GetWebhook
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/webhook", async (DocServiceDb db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(WebhookResponse.From(await db.OrganWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.OrganId == user.Organ.Value, ct)
                    ?? throw ApiException.NotFound("The organ's webhook"))))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Notifications")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The organ's webhook, without its secret (its admin)");
}
