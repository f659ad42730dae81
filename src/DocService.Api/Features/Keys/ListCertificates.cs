using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Keys;

/// <summary>The organ's registered certificates, pending ones first (they wait for the admin), optionally of one owner.</summary>
public static class ListCertificates
{
    public sealed record Query(string Organ, KeyOwnerKind? OwnerKind, string? OwnerId) : IQuery<IReadOnlyList<CertificateResponse>>;

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/certificates", async (KeyOwnerKind? ownerKind, string? ownerId, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ.Value, ownerKind, ownerId), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("List the organ's registered signing certificates");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, IReadOnlyList<CertificateResponse>>
    {
        public async ValueTask<IReadOnlyList<CertificateResponse>> Handle(Query query, CancellationToken ct)
        {
            var registrations = db.CertificateRegistrations.AsNoTracking().Where(r => r.OrganId == query.Organ);
            if (query.OwnerKind is { } kind)
                registrations = registrations.Where(r => r.OwnerKind == kind);
            if (query.OwnerId is { Length: > 0 } owner)
                registrations = registrations.Where(r => r.OwnerId == owner);
            return (await registrations.ToListAsync(ct))
                .OrderBy(r => r.Status == CertificateRegistrationStatus.Pending ? 0 : 1).ThenBy(r => r.OwnerId).ThenByDescending(r => r.RegisteredAt)
                .Select(CertificateResponse.From).ToList();
        }
    }
}
