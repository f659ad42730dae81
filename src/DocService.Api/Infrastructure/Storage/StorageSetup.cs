using System.Text.RegularExpressions;
using DocService.Api.Infrastructure.Startup;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Storage;

/// <summary><c>Storage:Kind</c> picks the object store: <c>FileSystem</c> (embedded default) or <c>S3</c>.</summary>
public static class StorageSetup
{
    public const string KindKey = "Storage:Kind";

    public static IServiceCollection AddDocServiceObjectStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var kind = configuration[KindKey] is { Length: > 0 } configured ? configured : "FileSystem";
        if (!kind.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            if (!kind.Equals("FileSystem", StringComparison.OrdinalIgnoreCase))
                services.AddOptions<StorageKindOptions>().Validate(_ => false, $"{KindKey} is '{kind}': it must be FileSystem or S3.").ValidateOnStart();
            services.AddSingleton<IObjectStore>(sp => new FileSystemObjectStore(Path.Combine(dataDirectory, "store"), sp.GetRequiredService<TimeProvider>()));
            return services;
        }

        services.AddOptions<S3StorageOptions>().Bind(configuration.GetSection(S3StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<S3StorageOptions>, S3StorageOptionsValidator>();
        var retention = RetentionPolicy.FromConfiguration(configuration);
        services.AddSingleton(sp => new S3ObjectStore(sp.GetRequiredService<IOptions<S3StorageOptions>>().Value, retention, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddSingleton<IStartupCheck, S3BucketStartupCheck>();
        return services;
    }

    /// <summary>Carries the refusal of an unknown <c>Storage:Kind</c> into the start-up validation.</summary>
    sealed class StorageKindOptions;
}

/// <summary>The S3 settings an operator can get wrong before a single request reaches the server.</summary>
sealed partial class S3StorageOptionsValidator : IValidateOptions<S3StorageOptions>
{
    const string Section = S3StorageOptions.Section;

    public ValidateOptionsResult Validate(string? name, S3StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Endpoint))
            failures.Add($"{Section}:Endpoint is not set: give host:port of the S3 server (or a URL whose scheme decides TLS).");
        else if (!options.TryDescribeEndpoint(out _))
            failures.Add($"{Section}:Endpoint '{options.Endpoint}' is neither host:port nor an http(s) URL.");
        if (string.IsNullOrEmpty(options.AccessKey))
            failures.Add($"{Section}:AccessKey is not set: give the service's own S3 user, not the root account.");
        if (string.IsNullOrEmpty(options.SecretKey))
            failures.Add($"{Section}:SecretKey is not set: give it from a secret (environment or secret file), never a checked-in file.");
        if (!BucketName().IsMatch(options.Bucket) || options.Bucket.Contains(".."))
            failures.Add($"{Section}:Bucket '{options.Bucket}' is not a valid S3 bucket name (3–63 lower-case letters, digits, dots and hyphens).");
        if (string.IsNullOrWhiteSpace(options.Region))
            failures.Add($"{Section}:Region is empty: give the region the bucket lives in (us-east-1 for MinIO and Ceph).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
