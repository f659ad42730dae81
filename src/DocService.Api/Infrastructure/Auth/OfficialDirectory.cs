using System.Security.Claims;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DocService.Api.Infrastructure.Auth;

/// <summary>
/// Reconciles a token with what the organ's admin recorded. An official recorded here gets the roles recorded
/// here (the admin manages them in DocService; the token's roles count only for officials not recorded); a
/// deactivated official, or any member of a deactivated organ, is marked so that every policy refuses them.
/// Looked up once per <see cref="Lifetime"/> per official, so a change reaches every node within that time.
/// </summary>
public sealed class OfficialDirectory(DocServiceDb db, IMemoryCache cache) : IClaimsTransformation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    sealed record Standing(bool Active, IReadOnlyList<string>? Roles);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var organ = principal.FindFirstValue(DocServiceClaims.Organ);
        var user = principal.FindFirstValue(DocServiceClaims.User);
        if (organ is null || user is null || principal.HasClaim(c => c.Type == DocServiceClaims.Deactivated))
            return principal;

        var organActive = await cache.GetOrCreateAsync(OrganKey(organ), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await db.Organs.AsNoTracking().Where(o => o.Id == organ).Select(o => (bool?)o.Active).SingleOrDefaultAsync() != false;
        });
        var official = await cache.GetOrCreateAsync(OfficialKey(organ, user), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await db.Officials.AsNoTracking().Where(o => o.OrganId == organ && o.UserName == user)
                .Select(o => new Standing(o.Active, o.Roles)).SingleOrDefaultAsync();
        });
        var standing = new Standing(organActive && official?.Active != false, official?.Roles);
        var deactivated = !standing.Active;
        if (!deactivated && standing.Roles is null)
            return principal;
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => standing.Roles is null || c.Type != DocServiceClaims.Role),
            principal.Identity?.AuthenticationType, DocServiceClaims.User, DocServiceClaims.Role);
        if (deactivated)
            identity.AddClaim(new Claim(DocServiceClaims.Deactivated, "true"));
        else
            identity.AddClaims(standing.Roles!.Select(r => new Claim(DocServiceClaims.Role, r)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Drops what this node remembers of an official; other nodes see the change within <see cref="Lifetime"/>.</summary>
    public void ForgetOfficial(string organ, string user) => cache.Remove(OfficialKey(organ, user));

    public void ForgetOrgan(string organ) => cache.Remove(OrganKey(organ));

    static string OrganKey(string organ) => $"organ/{organ}";

    static string OfficialKey(string organ, string user) => $"official/{organ}/{user}";
}
