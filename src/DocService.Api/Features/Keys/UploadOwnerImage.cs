using System.Security.Cryptography;
using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Keys;

/// <summary>
/// An admin sets an official's signature image or the organ's seal image: a PNG with transparency,
/// so the seal can overlap the leader's signature as Decree 30 lays them out.
/// </summary>
public static class UploadOwnerImage
{
    public const long MaxPngBytes = 512 * 1024;

    public sealed record Response(KeyOwnerKind OwnerKind, string OwnerId, OwnerImageKind Kind, int Width, int Height, string Sha256);

    public sealed record Command(KeyOwnerKind OwnerKind, string OwnerId, OwnerImageKind Kind, IFormFile? File) : ICommand<Response>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "image.upload";
        public string AuditTarget => $"{OwnerKind}/{OwnerId}/{Kind}";
        public object AuditPayload => new { OwnerKind, OwnerId, Kind, File?.Length };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (File is null || File.Length == 0)
                yield return ("file", "Attach the PNG as the part named 'file'.");
            else if (File.Length > MaxPngBytes)
                yield return ("file", $"An image has at most {MaxPngBytes} bytes.");
            if (Kind == OwnerImageKind.Seal && OwnerKind != KeyOwnerKind.Organ)
                yield return ("kind", "A seal belongs to an organ.");
            foreach (var problem in OwnerRules.CheckOwnerId(OwnerKind, OwnerId))
                yield return problem;
        }
    }

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/images/{ownerKind}/{ownerId}/{kind}",
                async (KeyOwnerKind ownerKind, string ownerId, OwnerImageKind kind, IFormFile? file, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(ownerKind, ownerId, kind, file), ct)))
            .RequireAuthorization(Policies.Admin)
            .DisableAntiforgery() // bearer tokens, no cookies
            .WithMetadata(new UploadSizeLimit(MaxPngBytes))
            .WithSummary("Set an official's signature image or the organ's seal image (PNG with transparency)");

    internal sealed class Handler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken ct)
        {
            var ownerId = command.OwnerKind == KeyOwnerKind.Organ ? user.Organ.Value : command.OwnerId;
            if (command.OwnerKind == KeyOwnerKind.Organ && command.OwnerId != user.Organ.Value)
                throw ApiException.NotFound($"Organ {command.OwnerId}");

            var png = new byte[command.File!.Length];
            await using (var content = command.File.OpenReadStream())
                await content.ReadExactlyAsync(png, ct);
            var info = PngInfo.TryRead(png)
                ?? throw new ApiException(415, "image.not_png", $"The file is not a PNG of at most {PngInfo.MaxSide}×{PngInfo.MaxSide} pixels.");
            if (!info.HasTransparency)
                throw new ApiException(422, "image.not_transparent", "The PNG has no transparency: signatures and seals must let the page show through.");

            var image = await db.OwnerImages.SingleOrDefaultAsync(i => i.OrganId == user.Organ.Value
                && i.OwnerKind == command.OwnerKind && i.OwnerId == ownerId && i.Kind == command.Kind, ct);
            if (image is null)
            {
                image = new OwnerImage { Id = Guid.CreateVersion7(), OrganId = user.Organ.Value, OwnerKind = command.OwnerKind, OwnerId = ownerId, Kind = command.Kind };
                db.OwnerImages.Add(image);
            }
            image.Png = png;
            image.Sha256 = Convert.ToHexStringLower(SHA256.HashData(png));
            image.Width = info.Width;
            image.Height = info.Height;
            image.UpdatedAt = clock.GetUtcNow();
            return new Response(image.OwnerKind, image.OwnerId, image.Kind, image.Width, image.Height, image.Sha256);
        }
    }
}
