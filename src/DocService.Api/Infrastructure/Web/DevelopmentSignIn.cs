using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using DocService.Web.Session;

namespace DocService.Api.Infrastructure.Web;

/// <summary>
/// The web application's development sign-in: the seeded demo officials, each with a token minted by the development
/// key the API accepts. Registered only where that key is configured, which the options validator allows in
/// Development and tests alone.
/// </summary>
sealed class DevelopmentSignIn(string signingKey, TimeProvider clock) : IDevelopmentSignIn
{
    readonly DevTokens _tokens = new(signingKey);

    public IReadOnlyList<SignedInOfficial> Officials { get; } = Load();

    public string TokenFor(SignedInOfficial official, TimeSpan lifetime) =>
        _tokens.Create(official.UserName, official.OrganId ?? "", official.Roles, lifetime, clock.GetUtcNow());

    static List<SignedInOfficial> Load()
    {
        var at = DateTimeOffset.UnixEpoch;
        var organs = DemoData.Organs(at).ToDictionary(o => o.Id.ToString(), o => o.Name);
        return DemoData.Officials(at)
            .Select(o => new SignedInOfficial(o.UserName, o.FullName, o.OrganId, organs.GetValueOrDefault(o.OrganId), o.Position, o.Roles.ToList()))
            .ToList();
    }
}
