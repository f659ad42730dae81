using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Minio;
using Minio.DataModel;
using Minio.DataModel.Args;
using Minio.DataModel.ObjectLock;
using Minio.Exceptions;
using SdkObjectNotFoundException = Minio.Exceptions.ObjectNotFoundException;

namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// The production store: a bucket with S3 Object Lock (MinIO, Ceph RGW, AWS). Each object is written with
/// COMPLIANCE retention until the date its retention class gives, so nobody (the service, an operator, the
/// server's root account) can delete or replace those bytes before then. The SHA-256 travels in the object's
/// metadata, and a read hands out bytes only after they were downloaded, hashed and matched.
/// <para>
/// Stats and reads are plain GETs on URLs the SDK signs: SDK 7.0.0 precedes every StatObject with a
/// bucket HEAD and every GetObject with a bucket HEAD and a StatObject, which made a write five requests
/// instead of three and let a read's metadata and bytes come from different requests.
/// </para>
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    const string Sha256Header = "x-amz-meta-sha256";
    const string Sha256Metadata = "sha256";

    readonly HttpClient _http = new();
    readonly IMinioClient _client;
    readonly string _bucket;
    readonly string _region;
    readonly string _spool;
    readonly RetentionPolicy _retention;
    readonly TimeProvider _time;

    public S3ObjectStore(S3StorageOptions options, RetentionPolicy retention, TimeProvider time)
    {
        _client = options.CreateClient(_http);
        _bucket = options.Bucket;
        _region = options.Region;
        _spool = options.SpoolDirectory is { Length: > 0 } spool ? Directory.CreateDirectory(spool).FullName : Path.GetTempPath();
        _retention = retention;
        _time = time;
    }

    public string Bucket => _bucket;

    public Task<StoredObject> PutAsync(string key, Stream content, RetentionClass? retention, CancellationToken ct) =>
        ReachingAsync(() => PutCoreAsync(key, content, _retention.RetainUntil(retention, _time.GetUtcNow()), ct), ct);

    /// <summary>The same COMPLIANCE lock, to the date given (rounded up to the second): the server refuses a delete before it, and allows one after.</summary>
    public Task<StoredObject> PutExpiringAsync(string key, Stream content, DateTimeOffset keepUntil, CancellationToken ct) =>
        ReachingAsync(() => PutCoreAsync(key, content, RetentionPolicy.WholeSecondAfter(keepUntil), ct), ct);

    public Task<Stream> OpenReadAsync(string key, string? expectedSha256, CancellationToken ct) =>
        ReachingAsync(() => OpenReadCoreAsync(key, expectedSha256, ct), ct);

    public Task DeleteAsync(string key, CancellationToken ct) => ReachingAsync(() => DeleteCoreAsync(key, ct), ct);

    /// <summary>
    /// A server that does not answer (refused connection, reset, timeout, an S3 5xx) fails the request with 503
    /// <c>storage.unavailable</c> and Retry-After, never a 500: nothing was changed and the same call can be retried.
    /// </summary>
    static async Task<T> ReachingAsync<T>(Func<Task<T>> operation, CancellationToken ct)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or System.Net.Sockets.SocketException or MinioException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ObjectStoreUnavailableException($"The S3 server does not answer: {e.Message}");
        }
    }


    /// <summary>
    /// Creates the bucket with Object Lock when it is missing (which turns versioning on; enabling the lock later
    /// is refused by S3), and refuses a bucket that exists without it.
    /// </summary>
    public async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (!await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), ct))
        {
            try
            {
                await _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket).WithLocation(_region).WithObjectLock(), ct);
            }
            catch (MinioException e) when (e.Response?.Code == "BucketAlreadyOwnedByYou")
            {
                // Another node of the service created it a moment ago.
            }
            // A default lock holds every new version from its first instant: multipart uploads get their
            // own retention only once they are complete (see ConfirmRetentionAsync).
            await _client.SetObjectLockConfigurationAsync(new SetObjectLockConfigurationArgs().WithBucket(_bucket)
                .WithLockConfiguration(new ObjectLockConfiguration(ObjectRetentionMode.COMPLIANCE, 1)), ct);
        }
        if (!await IsLockEnabledAsync(ct))
            throw new ObjectStoreException("storage.bucket_not_locked",
                $"Bucket '{_bucket}' exists without Object Lock; archives need a bucket created with it.");
    }

    async Task<StoredObject> PutCoreAsync(string key, Stream content, DateTimeOffset until, CancellationToken ct)
    {
        ObjectKey.Validate(key);

        // Object Lock turns versioning on, and then a PUT to an existing key does not fail: it stacks a new
        // version on top and readers of the key get the new bytes. The lock keeps the old version, but the key
        // would no longer name what was archived, so the store checks first. SDK 7.0.0 has no conditional PUT
        // (If-None-Match) and not every S3 server honours one, so two writers racing on one key can still both
        // land; ConfirmRetentionAsync sees the loser's version on top, and reads check the caller's digest.
        // The check runs while the body is hashed.
        var existing = StatAsync(key, ct);
        var prepared = Body.PrepareAsync(content, this, ct);
        try
        {
            await Task.WhenAll(existing, prepared);
        }
        catch
        {
            if (prepared.IsCompletedSuccessfully)
                await prepared.Result.DisposeAsync();
            throw;
        }
        await using var body = prepared.Result;
        if (existing.Result is not null)
            throw new ObjectAlreadyExistsException(key);
        await _client.PutObjectAsync(new PutObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithStreamData(body.Stream)
            .WithObjectSize(body.Size)
            .WithContentType("application/octet-stream")
            .WithHeaders(new Dictionary<string, string> { [Sha256Header] = body.Sha256 })
            .WithRetentionConfiguration(new ObjectRetentionConfiguration(until.UtcDateTime, ObjectRetentionMode.COMPLIANCE)), ct);
        await ConfirmRetentionAsync(key, body.Sha256, until, ct);
        return new StoredObject(key, body.Sha256, body.Size);
    }

    /// <summary>
    /// Downloads the latest version to a private temporary file while hashing it, and returns that file only when
    /// the digest matches the one stored with the version and, when given, the caller's. Bytes that fail are
    /// never handed out, not even their first block. Bytes and stored digest come from one response.
    /// </summary>
    async Task<Stream> OpenReadCoreAsync(string key, string? expectedSha256, CancellationToken ct)
    {
        using var response = await SignedGetAsync(ObjectKey.Validate(key), firstByteOnly: false, ct)
                             ?? throw new ObjectNotFoundException(key);
        var stored = Sha256Of(Stat(key, response));
        var file = CreateSpoolFile();
        try
        {
            string actual;
            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            using (var hashing = new HashingReadStream(body, leaveOpen: true))
            {
                await hashing.CopyToAsync(file, ct);
                actual = hashing.Sha256Hex();
            }
            if (!Same(actual, stored) || (expectedSha256 is not null && !Same(actual, expectedSha256)))
                throw new ObjectCorruptedException(key, expectedSha256 ?? stored ?? "none recorded", actual);
            await file.FlushAsync(ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        ReachingAsync(async () => await StatAsync(ObjectKey.Validate(key), ct) is not null, ct);

    /// <summary>
    /// Asks the server to remove the current version; its lock refuses until the retention date, after which
    /// the record may lawfully be disposed of. Naming the version matters: a versioned bucket answers a plain
    /// DELETE with success and only hides the bytes behind a delete marker.
    /// </summary>
    async Task<bool> DeleteCoreAsync(string key, CancellationToken ct)
    {
        var stat = await StatAsync(ObjectKey.Validate(key), ct) ?? throw new ObjectNotFoundException(key);
        try
        {
            var remove = new RemoveObjectArgs().WithBucket(_bucket).WithObject(key);
            await _client.RemoveObjectAsync(string.IsNullOrEmpty(stat.VersionId) ? remove : remove.WithVersionId(stat.VersionId), ct);
        }
        catch (MinioException e) when (e is AccessDeniedException || e.Response?.Code == "AccessDenied")
        {
            throw new ObjectImmutableException(key);
        }
        return true;
    }

    public async Task CheckReadyAsync(CancellationToken ct)
    {
        bool exists;
        try
        {
            exists = await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), ct);
        }
        catch (Exception e) when (e is MinioException or HttpRequestException)
        {
            throw new ObjectStoreUnavailableException($"The S3 server does not answer for bucket '{_bucket}': {e.Message}");
        }
        if (!exists)
            throw new ObjectStoreUnavailableException($"Bucket '{_bucket}' does not exist.");
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    /// <summary>
    /// The server must hold the lock that was asked for. The SDK sends no lock headers with multipart uploads
    /// (bodies over 5 MiB), so their retention is set here; and Ceph RGW 16 stores retain-until dates past
    /// 2106 wrapped into the past. An archive left unlocked is the one failure a write-once store must not hide.
    /// </summary>
    async Task ConfirmRetentionAsync(string key, string sha256, DateTimeOffset until, CancellationToken ct)
    {
        var stat = await StatAsync(key, ct) ?? throw new ObjectNotFoundException(key);
        if (!Same(Sha256Of(stat), sha256))
            throw new ObjectAlreadyExistsException(key);   // another writer's version landed on top of ours
        if (Holds(stat, until))
            return;
        try
        {
            var retention = new SetObjectRetentionArgs().WithBucket(_bucket).WithObject(key)
                .WithRetentionMode(ObjectRetentionMode.COMPLIANCE)
                .WithRetentionUntilDate(until.UtcDateTime);
            await _client.SetObjectRetentionAsync(string.IsNullOrEmpty(stat.VersionId) ? retention : retention.WithVersionId(stat.VersionId), ct);
        }
        catch (MinioException)
        {
            throw new ObjectRetentionNotHonouredException(key, until, RetainUntil(stat));
        }
        var locked = await StatAsync(key, ct);
        if (locked is null || !Holds(locked, until))
            throw new ObjectRetentionNotHonouredException(key, until, locked is null ? null : RetainUntil(locked));
    }

    async Task<bool> IsLockEnabledAsync(CancellationToken ct)
    {
        try
        {
            var configuration = await _client.GetObjectLockConfigurationAsync(new GetObjectLockConfigurationArgs().WithBucket(_bucket), ct);
            return configuration?.ObjectLockEnabled == ObjectLockConfiguration.LockEnabled;
        }
        // SDK 7.0.0 answers a bucket without a lock configuration with MissingObjectLockConfigurationException
        // or, for Ceph's wording of the same error, an ArgumentNullException from its error parser.
        catch (Exception e) when (e is MinioException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The latest version's headers, from a GET of its first byte; null when the key has none (or a delete marker).</summary>
    async Task<ObjectStat?> StatAsync(string key, CancellationToken ct)
    {
        using var response = await SignedGetAsync(key, firstByteOnly: true, ct);
        if (response is null)
            return null;
        if (response.StatusCode != HttpStatusCode.RequestedRangeNotSatisfiable)
            return Stat(key, response);
        try
        {
            // An empty object has no first byte to range over; the SDK's own HEAD answers for it.
            return await _client.StatObjectAsync(new StatObjectArgs().WithBucket(_bucket).WithObject(key), ct);
        }
        catch (SdkObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A GET on a URL the SDK signs (valid one minute); null for 404, the response (headers read) otherwise.</summary>
    async Task<HttpResponseMessage?> SignedGetAsync(string key, bool firstByteOnly, CancellationToken ct)
    {
        var url = await _client.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(_bucket).WithObject(key).WithExpiry(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (firstByteOnly)
            request.Headers.Range = new RangeHeaderValue(0, 0);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            return response;
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            var error = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"S3 answered {(int)response.StatusCode} for '{key}' in bucket '{_bucket}': {error}", null, response.StatusCode);
        }
    }

    static ObjectStat Stat(string key, HttpResponseMessage response) =>
        ObjectStat.FromResponseHeaders(key, response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));

    static string? Sha256Of(ObjectStat stat) =>
        stat.MetaData.FirstOrDefault(m => m.Key.Equals(Sha256Metadata, StringComparison.OrdinalIgnoreCase)
                                          || m.Key.Equals(Sha256Header, StringComparison.OrdinalIgnoreCase)).Value;

    static bool Same(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);

    /// <summary>S3 keeps retain-until to the second; the SDK hands it back as a local or UTC DateTime.</summary>
    static DateTimeOffset? RetainUntil(ObjectStat stat) => stat.ObjectLockRetainUntilDate switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        { } t => new DateTimeOffset(t.ToUniversalTime()),
    };

    static bool Holds(ObjectStat stat, DateTimeOffset until) =>
        stat.ObjectLockMode == ObjectRetentionMode.COMPLIANCE && RetainUntil(stat) >= until.AddSeconds(-1);

    FileStream CreateSpoolFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(Path.Combine(_spool, $"docservice-s3-{Guid.NewGuid():N}"), options);
    }

    /// <summary>
    /// The body to upload with its size and SHA-256, both needed before the first byte is sent: the digest goes in
    /// a header and the SDK wants the length. A seekable stream is hashed in place and rewound; any other is
    /// copied to a private temporary file while it is hashed, so no body is ever held in memory whole.
    /// </summary>
    sealed class Body(Stream stream, long size, string sha256, bool owned) : IAsyncDisposable
    {
        public Stream Stream => stream;
        public long Size => size;
        public string Sha256 => sha256;

        public static async Task<Body> PrepareAsync(Stream content, S3ObjectStore store, CancellationToken ct)
        {
            if (content.CanSeek)
            {
                var start = content.Position;
                var digest = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
                var length = content.Position - start;
                content.Position = start;
                return new Body(content, length, digest, owned: false);
            }
            var file = store.CreateSpoolFile();
            try
            {
                using var hashing = new HashingReadStream(content, leaveOpen: true);
                await hashing.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Position = 0;
                return new Body(file, hashing.BytesRead, hashing.Sha256Hex(), owned: true);
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => owned ? stream.DisposeAsync() : ValueTask.CompletedTask;
    }
}
