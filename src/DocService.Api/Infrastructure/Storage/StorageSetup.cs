namespace DocService.Api.Infrastructure.Storage;

/// <summary><c>Storage:Kind</c> picks the object store: <c>FileSystem</c> (embedded default) or <c>S3</c>.</summary>
public static class StorageSetup
{
    public const string KindKey = "Storage:Kind";

    public static IServiceCollection AddDocServiceObjectStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var kind = configuration[KindKey] is { Length: > 0 } configured ? configured : "FileSystem";
        if (kind.Equals("FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IObjectStore>(new FileSystemObjectStore(Path.Combine(dataDirectory, "store")));
            return services;
        }
        if (!kind.Equals("S3", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{KindKey} must be FileSystem or S3, not '{kind}'.");

        var options = S3StorageOptions.FromConfiguration(configuration);
        var retention = RetentionPolicy.FromConfiguration(configuration);
        services.AddSingleton(sp => new S3ObjectStore(options, retention, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddHostedService<S3BucketInitializer>();
        return services;
    }
}
