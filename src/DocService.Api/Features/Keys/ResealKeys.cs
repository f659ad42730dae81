using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using DocService.Signing.Keys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Keys;

/// <summary>
/// The last step of rotating <c>Keys:ProtectionKey</c> (docs/operations.md): with the new key as
/// <c>Keys:ProtectionKey</c> and the old one in <c>Keys:PreviousProtectionKeys</c>, every held PKCS#12 and webhook
/// secret of every organ is sealed again under the new key, in one transaction, so the old key can then be removed.
/// Run it again at any time: what is sealed under the current key already is sealed again, harmlessly.
/// </summary>
public static class ResealKeys
{
    /// <param name="Keys">Signing keys sealed again.</param>
    /// <param name="Secrets">Webhook secrets sealed again.</param>
    /// <param name="UnderPreviousKey">How many of them were sealed under a previous key: 0 on a second run.</param>
    public sealed record Response(int Keys, int Secrets, int UnderPreviousKey);

    public sealed record Command : ICommand<Response>;

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/keys/reseal", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(), ct)))
            .RequireAuthorization(Policies.PlatformAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Seal every held key and secret again under the current Keys:ProtectionKey (platform admin)")
            .WithDescription("For rotating the protection key: the key material never leaves the service and is not returned.");

    internal sealed class Handler(DocServiceDb db, KeyVault vault, AuditChain audit, CurrentUser user) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken ct)
        {
            var underPrevious = 0;
            var resealedIn = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var keys = await db.SigningKeys.ToListAsync(ct);
            foreach (var key in keys)
            {
                var (blob, wasUnderPrevious) = vault.ResealUnderCurrentKey(key.SealedPkcs12, key.SealingOwner, SealedContent.Pkcs12);
                key.SealedPkcs12 = blob;
                underPrevious += wasUnderPrevious ? 1 : 0;
                resealedIn[key.OrganId] = resealedIn.GetValueOrDefault(key.OrganId) + 1;
            }
            // One webhook an organ at most: few enough to filter here (providers do not all translate a byte array's length).
            var webhooks = (await db.OrganWebhooks.ToListAsync(ct)).Where(w => w.SealedSecret.Length > 0).ToList();
            foreach (var webhook in webhooks)
            {
                var (blob, wasUnderPrevious) = vault.ResealUnderCurrentKey(webhook.SealedSecret, OrganWebhook.SealingOwner(webhook.OrganId), SealedContent.Secret);
                webhook.SealedSecret = blob;
                underPrevious += wasUnderPrevious ? 1 : 0;
                resealedIn[webhook.OrganId] = resealedIn.GetValueOrDefault(webhook.OrganId) + 1;
            }
            // In the log of every organ whose keys or secrets were touched, as a platform-wide trust anchor change is.
            foreach (var (organ, count) in resealedIn)
            {
                await audit.AppendAsync(new AuditRecord(user.UserName, organ, "keys.reseal", organ, new { Resealed = count }), ct);
                await db.SaveChangesAsync(ct); // each entry links to the one before it, read back from the database
            }
            return new Response(keys.Count, webhooks.Count, underPrevious);
        }
    }
}
