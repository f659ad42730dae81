using System.Globalization;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Minio;

namespace DocService.Api.Tests.Archive;

/// <summary>
/// The host with an archive worker that polls every 100 ms and backs off from 200 ms to 1 s, on the filesystem
/// store or on the S3 server the test command started (a bucket of its own, Permanent held 75 years, which Ceph
/// RGW can keep). <see cref="WorkerEnabled"/> off makes a node that issues but never archives.
/// </summary>
public class ArchiveApi(DatabaseProvider provider, bool s3, bool workerEnabled = true) : ApiFactory(provider)
{
    readonly string _bucket = $"docservice-archive-{Guid.NewGuid():N}"[..36];
    S3StorageOptions? _s3;

    public bool S3 => s3;
    public bool WorkerEnabled => workerEnabled;

    /// <summary>Reads the S3 server's address (skipping, or failing under the test command, without one) before the host starts.</summary>
    public S3StorageOptions? S3Options => !s3 ? null : _s3 ??= new S3StorageOptions
    {
        Endpoint = RequiredService.Get("S3_ENDPOINT", "S3"),
        AccessKey = RequiredService.Get("S3_ACCESS_KEY", "S3"),
        SecretKey = RequiredService.Get("S3_SECRET_KEY", "S3"),
        Region = RequiredService.Get("S3_REGION", "S3"),
        Bucket = _bucket,
    };

    public IMinioClient RawS3() => S3Options!.CreateClient();

    /// <summary>Where the filesystem store keeps an object's bytes.</summary>
    public string FileSystemDataPath(string key) => Path.Combine(DataDirectory, "store", "objects", key, "data");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Archive:WorkerEnabled", workerEnabled ? "true" : "false");
        builder.UseSetting("Archive:PollInterval", "00:00:00.100");
        builder.UseSetting("Archive:InitialBackoff", "00:00:00.200");
        builder.UseSetting("Archive:MaxBackoff", "00:00:01");
        builder.UseSetting("Archive:TrustAnchorFiles:0", DevPki.RootCertificatePath);
        if (S3Options is { } options)
        {
            builder.UseSetting("Storage:Kind", "S3");
            builder.UseSetting("Storage:S3:Endpoint", options.Endpoint);
            builder.UseSetting("Storage:S3:AccessKey", options.AccessKey);
            builder.UseSetting("Storage:S3:SecretKey", options.SecretKey);
            builder.UseSetting("Storage:S3:Region", options.Region);
            builder.UseSetting("Storage:S3:Bucket", options.Bucket);
            builder.UseSetting("Storage:Retention:Permanent", 75.ToString(CultureInfo.InvariantCulture));
        }
    }
}

public sealed class SqliteFileSystemArchiveApi() : ArchiveApi(DatabaseProvider.Sqlite, s3: false);

public sealed class PostgresFileSystemArchiveApi() : ArchiveApi(DatabaseProvider.Postgres, s3: false);

public sealed class SqliteS3ArchiveApi() : ArchiveApi(DatabaseProvider.Sqlite, s3: true);

public sealed class PostgresS3ArchiveApi() : ArchiveApi(DatabaseProvider.Postgres, s3: true);
