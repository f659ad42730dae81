using System.Security.Claims;
using DocService.Api.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Auth;

/// <summary>
/// JWT bearer authentication: in production the Authority and Audience of any OIDC provider,
/// in development a symmetric key from configuration (<c>Auth:DevSigningKey</c>).
/// </summary>
public static class AuthSetup
{
    /// <summary>
    /// Where tokens minted with <c>Auth:DevSigningKey</c> are honoured: Development, and Testing, the environment the
    /// test host runs in. Anywhere else the host refuses to start with the key set (<see cref="AuthOptionsValidator"/>).
    /// </summary>
    public static bool DevTokensAllowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static IServiceCollection AddDocServiceAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.Section);
        services.AddOptions<AuthOptions>().Bind(auth).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = DocServiceClaims.User;
            options.TokenValidationParameters.RoleClaimType = DocServiceClaims.Role;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);

            var devKey = auth["DevSigningKey"];
            // Outside Development the key is never used even for the moment before the start-up refusal.
            if (!string.IsNullOrEmpty(devKey) && DevTokensAllowed(environment))
            {
                options.TokenValidationParameters.ValidIssuer = DevTokens.Issuer;
                options.TokenValidationParameters.ValidAudience = DevTokens.Audience;
                options.TokenValidationParameters.IssuerSigningKey = DevTokens.Key(devKey);
                return;
            }
            var authority = auth["Authority"];
            if (string.IsNullOrEmpty(authority))
                throw new InvalidOperationException("Configure Auth:Authority (your OIDC provider) or, in development only, Auth:DevSigningKey.");
            options.Authority = authority;
            options.Audience = auth["Audience"] ?? DevTokens.Audience;
            options.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(MemberPolicy())
            .AddPolicy(Policies.Member, MemberPolicy())
            .AddPolicy(Policies.Drafter, RolePolicy(Roles.Drafter))
            .AddPolicy(Policies.Reviewer, RolePolicy(Roles.Signer))
            .AddPolicy(Policies.Clerk, RolePolicy(Roles.Clerk))
            .AddPolicy(Policies.RegisterReader, RolePolicy(Roles.Clerk, Roles.Auditor))
            .AddPolicy(Policies.FieldPreparer, RolePolicy(Roles.Drafter, Roles.Clerk))
            .AddPolicy(Policies.Auditor, RolePolicy(Roles.Auditor))
            .AddPolicy(Policies.ArchiveChecker, RolePolicy(Roles.Auditor, Roles.Clerk))
            .AddPolicy(Policies.Admin, RolePolicy(Roles.Admin))
            .AddPolicy(Policies.PlatformAdmin, new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.PlatformAdmin).Build())
            .AddPolicy(Policies.OrganAdmin, new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.IsInRole(Roles.PlatformAdmin) || (IsActiveMember(c.User) && c.User.IsInRole(Roles.Admin))).Build())
            .AddPolicy(Policies.MemberOrPlatformAdmin, new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.IsInRole(Roles.PlatformAdmin) || IsActiveMember(c.User)).Build());

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<CurrentUser>();
        services.AddScoped<OfficialDirectory>();
        services.AddScoped<IClaimsTransformation>(sp => sp.GetRequiredService<OfficialDirectory>());
        return services;
    }

    // A caller must belong to an organ, which scopes every query, and neither may have been deactivated.
    static AuthorizationPolicy MemberPolicy() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => IsActiveMember(c.User)).Build();

    static AuthorizationPolicy RolePolicy(params string[] roles) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => IsActiveMember(c.User)).RequireRole(roles).Build();

    // An organ claim that is not an organ code (a misconfigured provider, a forged claim) makes no member: every
    // query is scoped by the code, so it is refused here (403) rather than failing deep in a handler.
    static bool IsActiveMember(ClaimsPrincipal user) =>
        OrganId.TryParse(user.FindFirstValue(DocServiceClaims.Organ), out _) && !user.HasClaim(c => c.Type == DocServiceClaims.Deactivated);
}
