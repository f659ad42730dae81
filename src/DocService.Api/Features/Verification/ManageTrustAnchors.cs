using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain.Verification;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Verification;

/// <summary>
/// Which roots validation trusts. The platform admin manages the platform set (VGCA G1/G2, NEAC's Vietnam National
/// Root CA), trusted for every organ; an organ's admin adds, lists and removes the organ's own anchors, trusted for
/// that organ alone — another organ's anchors never make a signature pass here, and cannot be seen or removed.
/// Only CA certificates are accepted (basicConstraints CA, keyCertSign). Each change is recorded in the audit log of
/// every organ it takes effect for: the organ's own, or — for the platform set — every registered organ's.
/// </summary>
public static class ManageTrustAnchors
{
    const long MaxCertificateBytes = 64 * 1024;

    public enum AnchorScope
    {
        /// <summary>Trusted for every organ; managed by the platform admin.</summary>
        Platform,

        /// <summary>Trusted for one organ; managed by its admin.</summary>
        Organ,
    }

    public sealed record Response(
        Guid Id, AnchorScope Scope, string? OrganId, string Subject, string Thumbprint, DateTimeOffset NotAfter, bool RevocationNotRequired,
        string AddedBy, DateTimeOffset AddedAt)
    {
        public static Response From(TrustAnchor a) => new(a.Id, a.OrganId is null ? AnchorScope.Platform : AnchorScope.Organ, a.OrganId,
            a.Subject, a.Thumbprint, a.NotAfter, a.RevocationNotRequired, a.AddedBy, a.AddedAt);
    }

    /// <param name="File">The CA certificate, PEM or DER.</param>
    /// <param name="RevocationNotRequired">A closed PKI naming no OCSP responder or CRL: its chains are not held indeterminate for that.</param>
    public sealed record Add(IFormFile? File, bool RevocationNotRequired) : ICommand<Response>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (File is null || File.Length == 0)
                yield return ("file", "Attach the root certificate (PEM or DER) as the part named 'file'.");
            else if (File.Length > MaxCertificateBytes)
                yield return ("file", $"A certificate has at most {MaxCertificateBytes} bytes.");
        }
    }

    public sealed record Remove(Guid Id) : ICommand<bool>;

    public sealed record List : IQuery<IReadOnlyList<Response>>;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/trust-anchors", async (IFormFile? file, [FromForm] bool? revocationNotRequired, IMediator mediator, CancellationToken ct) =>
            {
                var anchor = await mediator.Send(new Add(file, revocationNotRequired ?? false), ct);
                return TypedResults.Created($"/api/v1/admin/trust-anchors/{anchor.Id}", anchor);
            })
            .RequireAuthorization(Policies.OrganAdmin)
            .DisableAntiforgery() // bearer tokens, no cookies
            .WithMetadata(new UploadSizeLimit(MaxCertificateBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Trust a CA certificate for validation: the organ's own (organ admin) or the platform set (platform admin)")
            .WithDescription("`file`: the CA certificate (PEM or DER; basicConstraints CA and keyCertSign). `revocationNotRequired` (default false): "
                + "the anchor's PKI names no OCSP responder or CRL, so its certificates are not held INDETERMINATE for lacking them.");
        admin.MapGet("/trust-anchors", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new List(), ct))
            .RequireAuthorization(Policies.OrganAdmin)
            .WithSummary("List the roots trusted here: the platform set and, for an organ admin, the organ's own");
        admin.MapDelete("/trust-anchors/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Remove(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stop trusting a root the caller manages");
    }

    /// <summary>The set the caller manages: the platform admin the platform set (null), an organ admin their organ's.</summary>
    static string? ManagedBy(CurrentUser user) => user.IsInRole(Roles.PlatformAdmin) ? null : user.Organ.Value;

    /// <summary>Records the change in the log of every organ it takes effect for.</summary>
    static async Task AuditAsync(DocServiceDb db, AuditChain audit, CurrentUser user, string action, TrustAnchor anchor, CancellationToken ct)
    {
        var organs = anchor.OrganId is { } own ? [own] : await db.Organs.AsNoTracking().Select(o => o.Id).OrderBy(id => id).ToListAsync(ct);
        var payload = new
        {
            Scope = anchor.OrganId is null ? AnchorScope.Platform : AnchorScope.Organ, anchor.Subject, anchor.Thumbprint, anchor.RevocationNotRequired,
        };
        foreach (var organ in organs)
        {
            await audit.AppendAsync(new AuditRecord(user.UserName, organ, action, anchor.Thumbprint, payload), ct);
            // Each entry links to the one before it, which the chain reads back from the database.
            await db.SaveChangesAsync(ct);
        }
    }

    internal sealed class AddHandler(DocServiceDb db, AuditChain audit, CurrentUser user, TimeProvider clock) : ICommandHandler<Add, Response>
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
                EnsureCertificateAuthority(certificate);
                var organ = ManagedBy(user);
                var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
                if (await db.TrustAnchors.AnyAsync(a => a.OrganId == organ && a.Thumbprint == thumbprint, ct))
                    throw new ApiException(409, "trust_anchor.exists", "This certificate is already trusted.");
                var anchor = new TrustAnchor
                {
                    Id = Guid.CreateVersion7(), OrganId = organ, Subject = certificate.Subject, Thumbprint = thumbprint,
                    NotAfter = certificate.NotAfter.ToUniversalTime(), Certificate = certificate.RawData,
                    RevocationNotRequired = command.RevocationNotRequired, AddedBy = user.UserName, AddedAt = clock.GetUtcNow(),
                };
                db.TrustAnchors.Add(anchor);
                await AuditAsync(db, audit, user, "trust_anchor.add", anchor, ct);
                return Response.From(anchor);
            }
        }

        /// <summary>An anchor vouches for the certificates under it, so it must be a CA allowed to sign certificates.</summary>
        static void EnsureCertificateAuthority(X509Certificate2 certificate)
        {
            var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
            if (constraints is not { CertificateAuthority: true } || usage is null || !usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
                throw new ApiException(422, "trust_anchor.not_a_ca",
                    $"{certificate.Subject} is not a CA certificate: a trust anchor needs basicConstraints CA and the keyCertSign key usage.");
        }
    }

    internal sealed class ListHandler(DocServiceDb db, CurrentUser user) : IQueryHandler<List, IReadOnlyList<Response>>
    {
        public async ValueTask<IReadOnlyList<Response>> Handle(List query, CancellationToken ct)
        {
            var organ = ManagedBy(user);
            return (await db.TrustAnchors.AsNoTracking().Where(a => a.OrganId == null || a.OrganId == organ).ToListAsync(ct))
                .OrderBy(a => a.OrganId is null ? 0 : 1).ThenBy(a => a.Subject).Select(Response.From).ToList();
        }
    }

    internal sealed class RemoveHandler(DocServiceDb db, AuditChain audit, CurrentUser user) : ICommandHandler<Remove, bool>
    {
        public async ValueTask<bool> Handle(Remove command, CancellationToken ct)
        {
            // Only the set the caller manages: the platform set is not an organ admin's to remove, another organ's is not theirs to see.
            var organ = ManagedBy(user);
            var anchor = await db.TrustAnchors.SingleOrDefaultAsync(a => a.Id == command.Id && a.OrganId == organ, ct)
                ?? throw ApiException.NotFound($"Trust anchor {command.Id}");
            db.TrustAnchors.Remove(anchor);
            await AuditAsync(db, audit, user, "trust_anchor.remove", anchor, ct);
            return true;
        }
    }
}
