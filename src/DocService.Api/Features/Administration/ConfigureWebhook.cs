using System.Net;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Features.Administration;

/// <summary>
/// The organ's admin sets where its systems hear of arrivals, assignments, completions and deadlines: the URL, the
/// secret that signs each body (HMAC-SHA256), the events wanted (none named: all), and whether it is on. The secret is
/// given when the webhook is first set and whenever it changes; it is sealed at rest and never answered back.
/// </summary>
public static class ConfigureWebhook
{
    public sealed record Request(string? Url = null, string? Secret = null, IReadOnlyList<string>? Events = null, bool? Active = null);

    public sealed record Command(Request Body) : ICommand<WebhookResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "webhook.configure";
        public string AuditTarget => "webhook";
        public object AuditPayload => new { Body.Url, Body.Events, Body.Active, SecretChanged = Body.Secret is not null };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.Url is not null && (!Uri.TryCreate(Body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || Body.Url.Length > 2000))
                yield return ("url", "Give the absolute https:// address of the endpoint (at most 2000 characters).");
            if (Body.Secret is { } secret && (secret.Length is < 16 or > 200 || string.IsNullOrWhiteSpace(secret)))
                yield return ("secret", "A secret has 16 to 200 characters; generate one, e.g. openssl rand -hex 32.");
            foreach (var name in Body.Events ?? [])
            {
                if (!NotificationEvents.All.Contains(name))
                    yield return ("events", $"'{name}' is not an event: give any of {string.Join(", ", NotificationEvents.All.Order())}.");
            }
        }
    }

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/webhook", async (Request body, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(body), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Notifications")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Set the organ's webhook: URL, signing secret, events, on or off (its admin)");

    internal sealed class Handler(DocServiceDb db, KeyVault vault, CurrentUser user, TimeProvider clock, IOptions<NotificationOptions> options)
        : ICommandHandler<Command, WebhookResponse>
    {
        public async ValueTask<WebhookResponse> Handle(Command command, CancellationToken ct)
        {
            var organ = user.Organ.Value;
            var body = command.Body;
            var webhook = await db.OrganWebhooks.SingleOrDefaultAsync(w => w.OrganId == organ, ct);
            if (webhook is null)
            {
                var missing = new Dictionary<string, string[]>();
                if (body.Url is null) missing["url"] = ["Give the endpoint's URL."];
                if (body.Secret is null) missing["secret"] = ["Give the secret the bodies are signed with."];
                if (missing.Count > 0)
                    throw new RequestValidationException(missing);
                webhook = new OrganWebhook { OrganId = organ };
                db.OrganWebhooks.Add(webhook);
            }
            if (body.Url is { } url)
            {
                if (new Uri(url).Scheme == "http" && !options.Value.AllowInsecureHttp && !IsLoopback(new Uri(url)))
                    throw new RequestValidationException(new Dictionary<string, string[]>
                    {
                        ["url"] = ["The endpoint must be https:// (the body names documents and their subjects); plain http is for loopback only."],
                    });
                webhook.Url = url;
            }
            if (body.Secret is { } secret)
                webhook.SealedSecret = vault.SealSecret(secret, OrganWebhook.SealingOwner(organ));
            if (body.Events is { } events)
                webhook.Events = [.. events.Distinct()];
            if (body.Active is { } active)
                webhook.Active = active;
            webhook.UpdatedBy = user.UserName;
            webhook.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return WebhookResponse.From(webhook);
        }

        static bool IsLoopback(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
    }
}
