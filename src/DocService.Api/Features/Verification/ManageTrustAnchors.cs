using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain.Verification;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Verification;

/// <summary>
/// Admins decide which roots validation trusts (VGCA G1/G2, NEAC's Vietnam National Root CA, or
/// their own): add a certificate (PEM or DER), list them, remove one.
/// </summary>
public static class ManageTrustAnchors
{
    const long MaxCertificateBytes = 64 * 1024;

    public sealed record Response(Guid Id, string Subject, string Thumbprint, DateTimeOffset NotAfter, string AddedBy, DateTimeOffset AddedAt)
    {
        public static Response From(TrustAnchor a) => new(a.Id, a.Subject, a.Thumbprint, a.NotAfter, a.AddedBy, a.AddedAt);
    }

    public sealed record Add(IFormFile? File) : ICommand<Response>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "trust_anchor.add";
        public string AuditTarget => File?.FileName ?? "";
        public object AuditPayload => new { File?.FileName, File?.Length };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (File is null || File.Length == 0)
                yield return ("file", "Attach the root certificate (PEM or DER) as the part named 'file'.");
            else if (File.Length > MaxCertificateBytes)
                yield return ("file", $"A certificate has at most {MaxCertificateBytes} bytes.");
        }
    }

    public sealed record Remove(Guid Id) : ICommand<bool>, IAuditedCommand
    {
        public string AuditAction => "trust_anchor.remove";
        public string AuditTarget => Id.ToString();
        public object AuditPayload => new { Id };
    }

    public sealed record List : IQuery<IReadOnlyList<Response>>;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/trust-anchors", async (IFormFile? file, IMediator mediator, CancellationToken ct) =>
            {
                var anchor = await mediator.Send(new Add(file), ct);
                return TypedResults.Created($"/api/v1/admin/trust-anchors/{anchor.Id}", anchor);
            })
            .RequireAuthorization(Policies.Admin)
            .DisableAntiforgery() // bearer tokens, no cookies
            .WithMetadata(new UploadSizeLimit(MaxCertificateBytes))
            .WithSummary("Trust a root certificate for validation");
        admin.MapGet("/trust-anchors", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new List(), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("List the trusted roots");
        admin.MapDelete("/trust-anchors/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Remove(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Stop trusting a root");
    }

    internal sealed class AddHandler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Add, Response>
    {
        public async ValueTask<Response> Handle(Add command, CancellationToken ct)
        {
            var bytes = new byte[command.File!.Length];
            await using (var content = command.File.OpenReadStream())
                await content.ReadExactlyAsync(bytes, ct);
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(bytes); // DER or PEM
            }
            catch (CryptographicException)
            {
                throw new ApiException(422, "trust_anchor.invalid_certificate", "The file is not an X.509 certificate (PEM or DER).");
            }
            using (certificate)
            {
                var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
                if (await db.TrustAnchors.AnyAsync(a => a.Thumbprint == thumbprint, ct))
                    throw new ApiException(409, "trust_anchor.exists", "This certificate is already trusted.");
                var anchor = new TrustAnchor
                {
                    Id = Guid.CreateVersion7(), Subject = certificate.Subject, Thumbprint = thumbprint,
                    NotAfter = certificate.NotAfter.ToUniversalTime(), Certificate = certificate.RawData,
                    AddedBy = user.UserName, AddedAt = clock.GetUtcNow(),
                };
                db.TrustAnchors.Add(anchor);
                return Response.From(anchor);
            }
        }
    }

    internal sealed class ListHandler(DocServiceDb db) : IQueryHandler<List, IReadOnlyList<Response>>
    {
        public async ValueTask<IReadOnlyList<Response>> Handle(List query, CancellationToken ct) =>
            (await db.TrustAnchors.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Subject).Select(Response.From).ToList();
    }

    internal sealed class RemoveHandler(DocServiceDb db) : ICommandHandler<Remove, bool>
    {
        public async ValueTask<bool> Handle(Remove command, CancellationToken ct)
        {
            var anchor = await db.TrustAnchors.SingleOrDefaultAsync(a => a.Id == command.Id, ct) ?? throw ApiException.NotFound($"Trust anchor {command.Id}");
            db.TrustAnchors.Remove(anchor);
            return true;
        }
    }
}
