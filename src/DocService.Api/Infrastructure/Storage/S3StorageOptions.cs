using Minio;

namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// <c>Storage:S3:*</c>. Credentials come from configuration only (environment, user secrets or a vault
/// provider in production); nothing here has a usable default.
/// </summary>
public sealed class S3StorageOptions
{
    public const string Section = "Storage:S3";

    /// <summary><c>host:port</c>, or a URL whose scheme then decides TLS (<c>http://127.0.0.1:7480</c>).</summary>
    public string Endpoint { get; set; } = "";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string Bucket { get; set; } = "docservice";
    public bool UseTls { get; set; } = true;

    /// <summary>Where bodies of unknown length and downloads being verified are spooled; the system temp directory by default.</summary>
    public string? SpoolDirectory { get; set; }

    public static S3StorageOptions FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<S3StorageOptions>() ?? new S3StorageOptions();

    /// <summary>
    /// The SDK addresses buckets path-style (<c>host/bucket/key</c>) for every endpoint but AWS's own,
    /// which is what MinIO, Ceph RGW and an IP address need.
    /// </summary>
    public IMinioClient CreateClient(HttpClient? http = null)
    {
        if (string.IsNullOrWhiteSpace(Endpoint) || string.IsNullOrEmpty(AccessKey) || string.IsNullOrEmpty(SecretKey))
            throw new InvalidOperationException($"{Section}:Endpoint, AccessKey and SecretKey must be configured for Storage:Kind=S3.");
        var (host, port, tls) = ParseEndpoint();
        var client = new MinioClient()
            .WithEndpoint(host, port)
            .WithCredentials(AccessKey, SecretKey)
            .WithRegion(Region)
            .WithSSL(tls);
        return (http is null ? client : client.WithHttpClient(http)).Build();
    }

    /// <summary>The endpoint as the client will call it (<c>https://host:port</c>), for messages to operators.</summary>
    public bool TryDescribeEndpoint(out string url)
    {
        try
        {
            var (host, port, tls) = ParseEndpoint();
            url = $"{(tls ? "https" : "http")}://{host}:{port}";
            return true;
        }
        catch (UriFormatException)
        {
            url = Endpoint;
            return false;
        }
    }

    (string Host, int Port, bool Tls) ParseEndpoint()
    {
        if (Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return (url.Host, url.Port, url.Scheme == "https");
        var uri = new Uri((UseTls ? "https://" : "http://") + Endpoint.Trim());
        return (uri.Host, uri.Port, UseTls);
    }
}
