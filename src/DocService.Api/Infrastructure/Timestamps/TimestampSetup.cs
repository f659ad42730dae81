using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Telemetry;
using DocService.Api.Infrastructure.Validation;
using DocService.Signing.Keys;
using DocService.Signing.Ltv;
using DocService.Signing.Pades;
using DocService.Signing.Timestamps;

namespace DocService.Api.Infrastructure.Timestamps;

/// <summary>
/// Timestamping for signatures above B-B. <c>Timestamps:Url</c> names the RFC 3161 TSA; without it the
/// development TSA stamps in process where it exists, and signing stays at B-B where it does not.
/// The development TSA signs with certs-dev/tsa.p12 and exists only in Development (or when
/// <c>Timestamps:DevelopmentAuthority</c> is true, as the tests set it); others reach it at <c>/api/v1/dev/tsa</c>.
/// </summary>
public static class TimestampSetup
{
    public const string HttpClientName = "tsa";

    public static IServiceCollection AddDocServiceTimestamps(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (DevelopmentAuthorityEnabled(configuration, environment) && DemoSigningMaterial.FindCertsDev(environment.ContentRootPath) is { } certsDev)
        {
            services.AddSingleton(sp => new TimestampAuthority(
                new Pkcs12Signer(File.ReadAllBytes(Path.Combine(certsDev, "tsa.p12")), "dev-password"), // certs-dev's published password
                TimestampAuthority.DevelopmentPolicy, sp.GetRequiredService<TimeProvider>()));
        }

        var timeout = configuration.GetValue("Timestamps:Timeout", TimestampClientOptions.DefaultTimeout);
        services.AddServiceCallClient(HttpClientName, timeout);
        if (configuration["Timestamps:Url"] is { Length: > 0 } url)
        {
            var options = new TimestampClientOptions
            {
                Url = new Uri(url, UriKind.Absolute),
                PolicyOid = configuration["Timestamps:Policy"],
                Timeout = timeout,
            };
            services.AddSingleton<ITimestampClient>(sp =>
                new Rfc3161Client(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options));
        }
        else if (services.Any(s => s.ServiceType == typeof(TimestampAuthority)))
        {
            // No address to keep in step with the port the service listens on: the development TSA is in this process.
            services.AddSingleton<ITimestampClient>(sp => new LocalTimestampClient(sp.GetRequiredService<TimestampAuthority>()));
        }
        services.AddScoped<DocumentLevels>();
        return services;
    }

    public static bool DevelopmentAuthorityEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Timestamps:DevelopmentAuthority", environment.IsDevelopment());
}

/// <summary>
/// Which PAdES level a signature gets and how documents are extended: B-T by default when a TSA
/// is configured (B-B otherwise); B-LT and B-LTA fetch revocation data with the same trust
/// anchors and revocation settings validation uses.
/// </summary>
public sealed class DocumentLevels(ValidationSetup validation, IServiceProvider services)
{
    public ITimestampClient? Tsa { get; } = services.GetService<ITimestampClient>();

    public PadesLevel Default => Tsa is null ? PadesLevel.BB : PadesLevel.BT;

    /// <summary>Extends documents of <paramref name="organId"/> with validation data gathered under what that organ trusts.</summary>
    public async Task<LevelExtender> ExtenderAsync(string organId, CancellationToken ct)
    {
        var tsa = Tsa ?? throw new Errors.ApiException(422, "signature.level_unavailable",
            "No timestamping authority is configured (Timestamps:Url), so signatures stay at B-B.");
        var options = (await validation.ValidatorAsync(organId, ct)).Options;
        return new LevelExtender(new DocumentTimestamper(tsa), new LtvExtender(options));
    }
}
