namespace DocService.Web.Session;

/// <summary>
/// Development only: the demo officials one may sign in as without an identity provider, and a token for each. The
/// host provides it (it owns the development signing key); production has none and signs in through OIDC instead.
/// </summary>
public interface IDevelopmentSignIn
{
    IReadOnlyList<SignedInOfficial> Officials { get; }

    /// <summary>A bearer token for the API, as <c>docsvc dev-token</c> would mint it.</summary>
    string TokenFor(SignedInOfficial official, TimeSpan lifetime);
}
