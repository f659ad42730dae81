using System.Net.Sockets;
using DocService.Api.Infrastructure.Startup;
using Microsoft.Extensions.Options;
using Minio.Exceptions;

namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// Before the host starts: the S3 server answers, takes the service's credentials, and holds the archive bucket
/// with Object Lock (created with it when missing). Each failure says which setting to look at and what to check.
/// </summary>
sealed class S3BucketStartupCheck(S3ObjectStore store, IOptions<S3StorageOptions> options) : IStartupCheck
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    const string Section = S3StorageOptions.Section;

    public async Task CheckAsync(CancellationToken ct)
    {
        options.Value.TryDescribeEndpoint(out var endpoint);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.EnsureBucketAsync(timeout.Token);
        }
        catch (ObjectStoreException e) when (e.Code == "storage.bucket_not_locked")
        {
            throw new StartupRefusedException($"{Section}:Bucket", $"{e.Message} Create it with Object Lock (mc mb --with-lock) or name another bucket.");
        }
        catch (MinioException e) when (IsCredentialError(e))
        {
            throw new StartupRefusedException($"{Section}:AccessKey",
                $"the S3 server at {endpoint} refused the service's credentials ({e.Response?.Code ?? e.Message}) — check {Section}:AccessKey and {Section}:SecretKey, and that the user may use bucket '{store.Bucket}'.");
        }
        catch (Exception e) when (e is MinioException or HttpRequestException or SocketException or IOException
                                  || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            var tls = options.Value.TryDescribeEndpoint(out var url) && url.StartsWith("https", StringComparison.Ordinal) ? "on" : "off";
            throw new StartupRefusedException($"{Section}:Endpoint",
                $"no S3 server answers at {endpoint} ({Reason(e)}) — check the host and port, {Section}:UseTls (TLS is {tls}), and that this node can reach it.");
        }
    }

    static bool IsCredentialError(MinioException e) =>
        e is AccessDeniedException
        || e.Response?.Code is "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken";

    static string Reason(Exception e) => e switch
    {
        OperationCanceledException => $"no answer within {Timeout.TotalSeconds:0} s",
        _ when Innermost(e) is SocketException socket => socket.Message,
        _ => Innermost(e).Message,
    };

    static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
