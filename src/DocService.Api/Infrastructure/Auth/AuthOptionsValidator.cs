using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Auth;

/// <summary><c>Auth:*</c>: where tokens come from.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? DevSigningKey { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>
/// Without an OIDC authority (and without the development key) every request would fail on its first token,
/// so the host refuses to start instead. The development key lets anyone who knows it mint any token (an admin of
/// any organ), so outside Development (and the test host's Testing) it is a refusal, never a silent fallback.
/// </summary>
sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.DevSigningKey))
            return AuthSetup.DevTokensAllowed(environment)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Auth:DevSigningKey is set in the {environment.EnvironmentName} environment: development tokens are honoured only in Development; remove it and set Auth:Authority to your OIDC provider.");
        if (string.IsNullOrWhiteSpace(options.Authority))
            return ValidateOptionsResult.Fail("Auth:Authority is not set: give the issuer URL of your OIDC provider (e.g. https://id.example.gov.vn/realms/agency).");
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            return ValidateOptionsResult.Fail($"Auth:Authority '{options.Authority}' is not an absolute http(s) URL of an OIDC issuer.");
        if (authority.Scheme == "http" && options.RequireHttpsMetadata)
            return ValidateOptionsResult.Fail($"Auth:Authority '{options.Authority}' is plain HTTP: use https, or set Auth:RequireHttpsMetadata=false for a provider on a trusted network.");
        return ValidateOptionsResult.Success;
    }
}
