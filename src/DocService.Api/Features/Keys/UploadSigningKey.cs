using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Keys;

/// <summary>An admin gives the service a PKCS#12 to sign with, for an official or for the organ (its seal key).</summary>
public static class UploadSigningKey
{
    const long MaxPkcs12Bytes = 64 * 1024;

    public sealed class Form
    {
        public IFormFile? File { get; set; }
        public string? Password { get; set; }
        public KeyOwnerKind? OwnerKind { get; set; }
        public string? OwnerId { get; set; }
    }

    public sealed record Command(Form Body) : ICommand<KeyResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "key.upload";
        public string AuditTarget => $"{Body.OwnerKind}/{Body.OwnerId}";
        // The password and the key never reach the audit payload.
        public object AuditPayload => new { Body.OwnerKind, Body.OwnerId, File = Body.File?.FileName, Body.File?.Length };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.File is null || Body.File.Length == 0)
                yield return ("file", "Attach the PKCS#12 (.p12/.pfx) as the part named 'file'.");
            else if (Body.File.Length > MaxPkcs12Bytes)
                yield return ("file", $"A PKCS#12 has at most {MaxPkcs12Bytes} bytes.");
            if (Body.Password is null)
                yield return ("password", "Give the PKCS#12 password (it may be empty, but must be sent).");
            if (Body.OwnerKind is null)
                yield return ("ownerKind", "Say whose key it is: User or Organ.");
            if (string.IsNullOrWhiteSpace(Body.OwnerId) && Body.OwnerKind == KeyOwnerKind.User)
                yield return ("ownerId", "Name the official (user name) the key belongs to.");
            foreach (var problem in OwnerRules.CheckOwnerId(Body.OwnerKind, Body.OwnerId))
                yield return problem;
        }
    }

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/keys", async ([FromForm] Form form, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new Command(form), ct);
                return TypedResults.Created($"/api/v1/admin/keys/{key.Id}", key);
            })
            .RequireAuthorization(Policies.Admin)
            .DisableAntiforgery() // bearer tokens, no cookies
            .Accepts<Form>("multipart/form-data")
            .WithMetadata(new UploadSizeLimit(MaxPkcs12Bytes))
            .Produces<KeyResponse>(StatusCodes.Status201Created)
            .WithSummary("Upload a PKCS#12 signing key for an official or the organ")
            .WithDescription("The key is sealed (AES-256-GCM) before it is stored; only certificate details are ever returned.");

    internal sealed class Handler(DocServiceDb db, KeyVault vault, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, KeyResponse>
    {
        public async ValueTask<KeyResponse> Handle(Command command, CancellationToken ct)
        {
            var body = command.Body;
            var ownerId = body.OwnerKind == KeyOwnerKind.Organ ? user.Organ.Value : body.OwnerId!.Trim();
            if (body.OwnerKind == KeyOwnerKind.Organ && !string.IsNullOrEmpty(body.OwnerId) && body.OwnerId != user.Organ.Value)
                throw ApiException.NotFound($"Organ {body.OwnerId}");

            var bytes = new byte[body.File!.Length];
            await using (var content = body.File.OpenReadStream())
                await content.ReadExactlyAsync(bytes, ct);
            var key = vault.Seal(bytes, body.Password!, user.Organ.Value, body.OwnerKind!.Value, ownerId, user.UserName, clock.GetUtcNow());
            db.SigningKeys.Add(key);
            return KeyResponse.From(key);
        }
    }
}
