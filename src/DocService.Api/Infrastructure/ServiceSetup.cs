using System.Text.Json;
using System.Text.Json.Serialization;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Drafting;
using DocService.Api.Features.Signing;
using DocService.Api.Features.Verification;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Health;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.OpenApi;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Infrastructure.Telemetry;
using DocService.Api.Infrastructure.Timestamps;
using DocService.Api.Infrastructure.Validation;
using DocService.Drafting.Rendering;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Validation.Revocation;

namespace DocService.Api.Infrastructure;

/// <summary>Everything the host registers, so Program.cs reads as a table of contents.</summary>
public static class ServiceSetup
{
    /// <summary>JSON bodies of non-upload requests are small; uploads raise their own limit.</summary>
    const long DefaultRequestBodyLimit = 1024 * 1024;

    public const string SecretsDirectoryKey = "SecretsDirectory";

    public static WebApplicationBuilder AddDocService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // Docker and Kubernetes secrets: each file in the directory is the setting its name says (Keys__ProtectionKey).
        if (configuration[SecretsDirectoryKey] is { Length: > 0 } secrets)
            configuration.AddKeyPerFile(secrets, optional: false);
        var dataDirectory = DataDirectory(builder);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = DefaultRequestBodyLimit;
            RequestSizeLimits.Raise(kestrel.Limits);
        });
        services.Configure<DocumentsOptions>(configuration.GetSection(DocumentsOptions.Section));
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.AddDocServiceTelemetry();
        services.AddDocServiceProblemDetails();
        services.AddDocServiceAuth(configuration, builder.Environment);
        services.AddDocServiceRateLimits(configuration);
        VerificationsOptions.AddTo(services, configuration);
        services.AddDocServiceOpenApi();
        services.AddDocServiceDatabase(configuration, dataDirectory);
        services.AddHostedService<DatabaseInitializer>();
        services.AddDocServiceHealth();

        services.AddSingleton(TimeProvider.System);
        services.AddDocServiceObjectStore(configuration, dataDirectory);
        services.AddDocServiceArchive(configuration);
        services.AddDocServiceExchange(configuration);
        services.AddDocServiceNotifications(configuration);
        services.AddDevelopmentAxis(configuration, builder.Environment);
        services.AddScoped<RevisionStore>();
        services.AddScoped<SequenceAllocator>();
        services.AddScoped<Registers.Registers>();
        services.AddScoped<Arrivals>();
        services.AddScoped<Features.Handling.HandlingSteps>();
        services.AddScoped<Features.Handling.Handlers>();
        services.AddScoped<AuditChain>();
        services.AddScoped<IdempotencyFilter>();
        services.AddDocServiceKeys(configuration);
        services.AddSingleton(sp => new CmsSignatureBuilder(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PadesSigner>();
        services.AddScoped<DocumentSigning>();
        services.AddDocServiceTimestamps(configuration, builder.Environment);
        services.AddScoped<RemoteSigning>();
        services.AddScoped<SignerCertificates>();
        services.AddScoped<Features.Keys.CertificateRegistrations>();
        services.AddSingleton<OwnAddress>();
        services.AddSingleton<Microsoft.AspNetCore.Routing.MatcherPolicy, ContentTypeRequired>();
        services.AddDevelopmentCa(configuration, builder.Environment);
        services.AddScoped<ValidationSetup>();
        services.AddServiceCallClient(ValidationSetup.RevocationHttpClient, ValidationSetup.RevocationTimeout(configuration));
        services.AddSingleton(new RevocationCache());
        services.AddScoped<Verifier>();
        services.AddSingleton(sp => new DraftRenderer(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<DraftRevisions>();

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>), typeof(AuditBehaviour<,>)];
        });
        return builder;
    }

    /// <summary>Where the embedded database and store live: <c>DataDirectory</c>, or <c>data/</c> beside the app.</summary>
    static string DataDirectory(WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.Combine(builder.Environment.ContentRootPath, "data");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
