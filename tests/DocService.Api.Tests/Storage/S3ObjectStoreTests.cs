using System.Security.Cryptography;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Tests.Infrastructure;
using Minio;
using Minio.DataModel.Args;
using Minio.DataModel.ObjectLock;
using Minio.Exceptions;

namespace DocService.Api.Tests.Storage;

/// <summary>
/// Against a real S3 server with Object Lock (the test command starts Ceph's RADOS Gateway): the server,
/// not the store, is the oracle for the lock, and raw SDK calls play the operator who goes around the store.
/// </summary>
[Trait("Category", "S3")]
public sealed class S3ObjectStoreTests(S3ObjectStoreTests.Server server) : IClassFixture<S3ObjectStoreTests.Server>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewKey(string name) => $"organs/000.00.00.H41/{Guid.NewGuid():N}/{name}";

    static byte[] Bytes(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task Put_then_read_returns_the_same_bytes_and_reports_their_sha256()
    {
        var store = await server.StoreAsync();
        var content = Bytes(300_000);
        var key = NewKey("r1.pdf");

        var stored = await store.PutAsync(key, new MemoryStream(content), Ct);

        stored.ShouldBe(new StoredObject(key, Sha256(content), 300_000));
        (await ReadAllAsync(await store.OpenReadAsync(key, stored.Sha256, Ct))).ShouldBe(content);
        (await store.ExistsAsync(key, Ct)).ShouldBeTrue();
        var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        stat.MetaData["sha256"].ShouldBe(stored.Sha256);
    }

    [Fact]
    public async Task The_bucket_is_created_with_object_lock_and_versioning()
    {
        await server.StoreAsync();

        var versioning = await server.Raw.GetVersioningAsync(new GetVersioningArgs().WithBucket(server.Bucket), Ct);
        var locking = await server.Raw.GetObjectLockConfigurationAsync(new GetObjectLockConfigurationArgs().WithBucket(server.Bucket), Ct);

        versioning.Status.ShouldBe("Enabled");
        locking.ObjectLockEnabled.ShouldBe("Enabled");
    }

    [Theory]
    [InlineData("Years5", 5)]
    [InlineData("Years70", 70)]
    public async Task The_server_holds_the_object_in_compliance_mode_until_its_retention_class_ends(string retentionClass, int years)
    {
        var store = await server.StoreAsync();
        var key = NewKey("issued.pdf");

        await store.PutAsync(key, new MemoryStream(Bytes(1000)), new RetentionClass(retentionClass), Ct);

        var expected = DateTimeOffset.UtcNow.AddYears(years);
        var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        stat.ObjectLockMode.ShouldBe(ObjectRetentionMode.COMPLIANCE);
        new DateTimeOffset(stat.ObjectLockRetainUntilDate!.Value.ToUniversalTime()).ShouldBe(expected, TimeSpan.FromMinutes(1));
        var retention = await server.Raw.GetObjectRetentionAsync(new GetObjectRetentionArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        retention.Mode.ShouldBe(ObjectRetentionMode.COMPLIANCE);
        DateTimeOffset.Parse(retention.RetainUntilDate).ShouldBe(expected, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Delete_is_refused_by_the_server_and_the_object_stays()
    {
        var store = await server.StoreAsync();
        var content = Bytes(5000);
        var key = NewKey("keep.pdf");
        await store.PutAsync(key, new MemoryStream(content), RetentionClass.Years5, Ct);

        await Should.ThrowAsync<ObjectImmutableException>(store.DeleteAsync(key, Ct));

        // The operator's way around the store, with the governance bypass header: COMPLIANCE refuses it too.
        var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        var refused = await Should.ThrowAsync<MinioException>(server.Raw.RemoveObjectAsync(
            new RemoveObjectArgs().WithBucket(server.Bucket).WithObject(key).WithVersionId(stat.VersionId).WithBypassGovernanceMode(true), Ct));
        refused.Response.Code.ShouldBe("AccessDenied");
        (await ReadAllAsync(await store.OpenReadAsync(key, Sha256(content), Ct))).ShouldBe(content);
    }

    [Fact]
    public async Task An_expiring_object_is_locked_until_its_date_and_deleted_after_it()
    {
        var store = await server.StoreAsync();
        var key = NewKey("upload.pdf");
        var keepUntil = DateTimeOffset.UtcNow.AddSeconds(3);
        await store.PutExpiringAsync(key, new MemoryStream(Bytes(5000)), keepUntil, Ct);

        var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        stat.ObjectLockMode.ShouldBe(ObjectRetentionMode.COMPLIANCE);
        await Should.ThrowAsync<ObjectImmutableException>(store.DeleteAsync(key, Ct));

        await Task.Delay(RetentionPolicy.WholeSecondAfter(keepUntil) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), Ct);
        await store.DeleteAsync(key, Ct);

        (await store.ExistsAsync(key, Ct)).ShouldBeFalse();
        (await server.VersionsAsync(key)).ShouldBe(0);
    }

    [Fact]
    public async Task Second_put_to_a_key_is_refused_and_the_first_bytes_stay()
    {
        var store = await server.StoreAsync();
        var first = Bytes(2000, seed: 1);
        var key = NewKey("once.pdf");
        await store.PutAsync(key, new MemoryStream(first), Ct);

        await Should.ThrowAsync<ObjectAlreadyExistsException>(store.PutAsync(key, new MemoryStream(Bytes(2000, seed: 2)), Ct));

        (await ReadAllAsync(await store.OpenReadAsync(key, Sha256(first), Ct))).ShouldBe(first);
        (await server.VersionsAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_version_written_around_the_store_with_the_old_digest_is_detected_on_read()
    {
        var store = await server.StoreAsync();
        var original = Bytes(4000, seed: 1);
        var key = NewKey("tampered.pdf");
        var stored = await store.PutAsync(key, new MemoryStream(original), Ct);

        // The lock keeps the original version, but a PUT still stacks a new one on top, metadata copied.
        await server.PutRawAsync(key, Bytes(4000, seed: 9), stored.Sha256);

        var error = await Should.ThrowAsync<ObjectCorruptedException>(store.OpenReadAsync(key, Ct));
        error.Code.ShouldBe("storage.object_corrupted");
        (await server.VersionsAsync(key)).ShouldBe(2);
    }

    [Fact]
    public async Task A_replacement_that_carries_its_own_digest_is_caught_by_the_digest_the_caller_keeps()
    {
        var store = await server.StoreAsync();
        var key = NewKey("replaced.pdf");
        var stored = await store.PutAsync(key, new MemoryStream(Bytes(4000, seed: 1)), Ct);
        var forged = Bytes(4000, seed: 7);

        // Whoever can write bytes can write their metadata: only the database's digest, kept apart, tells.
        await server.PutRawAsync(key, forged, Sha256(forged));

        var error = await Should.ThrowAsync<ObjectCorruptedException>(store.OpenReadAsync(key, stored.Sha256, Ct));
        error.Message.ShouldContain(Sha256(forged));
    }

    [Fact]
    public async Task A_large_body_of_unknown_length_streams_through_and_is_locked()
    {
        var store = await server.StoreAsync();
        const int size = 20 * 1024 * 1024;
        var key = NewKey("large.pdf");
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        var stored = await store.PutAsync(key, new GeneratedStream(size, expected), RetentionClass.Years10, Ct);

        stored.Size.ShouldBe(size);
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(expected.GetCurrentHash()));
        await using (var read = await store.OpenReadAsync(key, stored.Sha256, Ct))
        {
            read.Length.ShouldBe(size);
            Convert.ToHexStringLower(await SHA256.HashDataAsync(read, Ct)).ShouldBe(stored.Sha256);
        }
        // Bodies over 5 MiB go up in parts, for which the SDK sends no lock headers: the store sets the lock after.
        var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        stat.ObjectLockMode.ShouldBe(ObjectRetentionMode.COMPLIANCE);
        new DateTimeOffset(stat.ObjectLockRetainUntilDate!.Value.ToUniversalTime()).ShouldBe(DateTimeOffset.UtcNow.AddYears(10), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_retain_until_date_the_server_cannot_hold_is_reported_not_left_unlocked()
    {
        await server.StoreAsync();
        using var store = server.NewStore(server.Bucket, new RetentionPolicy());
        var key = NewKey("permanent.pdf");
        var until = DateTimeOffset.UtcNow.AddYears(RetentionPolicy.PermanentYears);

        // Ceph RGW 16 keeps retain-until in 32-bit seconds and wraps dates after 2106; MinIO and AWS hold them.
        try
        {
            await store.PutAsync(key, new MemoryStream(Bytes(100)), RetentionClass.Permanent, Ct);
            var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
            stat.ObjectLockMode.ShouldBe(ObjectRetentionMode.COMPLIANCE);
            new DateTimeOffset(stat.ObjectLockRetainUntilDate!.Value.ToUniversalTime()).ShouldBeGreaterThan(until.AddMinutes(-1));
        }
        catch (ObjectRetentionNotHonouredException refused)
        {
            refused.Code.ShouldBe("storage.retention_not_honoured");
        }
    }

    [Fact]
    public async Task An_empty_object_round_trips_and_is_locked()
    {
        var store = await server.StoreAsync();
        var key = NewKey("audit.jsonl");

        var stored = await store.PutAsync(key, new MemoryStream(), RetentionClass.Years5, Ct);

        stored.Size.ShouldBe(0);
        (await ReadAllAsync(await store.OpenReadAsync(key, stored.Sha256, Ct))).ShouldBeEmpty();
        var stat = await server.Raw.StatObjectAsync(new StatObjectArgs().WithBucket(server.Bucket).WithObject(key), Ct);
        stat.ObjectLockMode.ShouldBe(ObjectRetentionMode.COMPLIANCE);
    }

    [Fact]
    public async Task Reading_a_missing_key_is_not_found()
    {
        var store = await server.StoreAsync();
        var key = NewKey("missing.pdf");

        await Should.ThrowAsync<DocService.Api.Infrastructure.Storage.ObjectNotFoundException>(store.OpenReadAsync(key, Ct));
        (await store.ExistsAsync(key, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_store_is_ready_with_its_bucket_and_not_without_it()
    {
        var store = await server.StoreAsync();
        await store.CheckReadyAsync(Ct);

        using var elsewhere = server.NewStore($"missing-{Guid.NewGuid():N}"[..20]);
        var error = await Should.ThrowAsync<ObjectStoreException>(elsewhere.CheckReadyAsync(Ct));
        error.Code.ShouldBe("storage.unavailable");
    }

    [Fact]
    public async Task A_bucket_created_without_object_lock_is_refused()
    {
        await server.StoreAsync();
        var plain = $"plain-{Guid.NewGuid():N}"[..20];
        await server.Raw.MakeBucketAsync(new MakeBucketArgs().WithBucket(plain), Ct);
        using var store = server.NewStore(plain);

        var error = await Should.ThrowAsync<ObjectStoreException>(store.EnsureBucketAsync(Ct));
        error.Code.ShouldBe("storage.bucket_not_locked");
    }

    /// <summary>One lock-enabled bucket per run, made by the store itself; every test writes its own keys.</summary>
    public sealed class Server : IDisposable
    {
        readonly string _bucket = $"docservice-test-{Guid.NewGuid():N}"[..32];
        readonly SemaphoreSlim _gate = new(1, 1);
        S3ObjectStore? _store;
        IMinioClient? _raw;

        public string Bucket => _bucket;
        public IMinioClient Raw => _raw ?? throw new InvalidOperationException("Call StoreAsync first.");

        public static S3StorageOptions Options(string bucket) => new()
        {
            Endpoint = RequiredService.Get("S3_ENDPOINT", "S3"),
            AccessKey = RequiredService.Get("S3_ACCESS_KEY", "S3"),
            SecretKey = RequiredService.Get("S3_SECRET_KEY", "S3"),
            Region = RequiredService.Get("S3_REGION", "S3"),
            Bucket = bucket,
        };

        /// <summary>
        /// The default class, Permanent, is 1,000 years, which Ceph RGW 16 cannot hold (it wraps retain-until dates
        /// after 2106, see the test on it); here it is 75 years, the setting such a server needs.
        /// </summary>
        public static RetentionPolicy Retention { get; } = new(new Dictionary<string, int> { ["Permanent"] = 75 });

        public S3ObjectStore NewStore(string bucket, RetentionPolicy? retention = null) =>
            new(Options(bucket), retention ?? Retention, TimeProvider.System);

        public async Task<S3ObjectStore> StoreAsync()
        {
            var options = Options(_bucket);
            await _gate.WaitAsync(Ct);
            try
            {
                if (_store is null)
                {
                    var store = new S3ObjectStore(options, Retention, TimeProvider.System);
                    await store.EnsureBucketAsync(Ct);
                    _raw = options.CreateClient();
                    _store = store;
                }
                return _store;
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task PutRawAsync(string key, byte[] bytes, string sha256Metadata) =>
            Raw.PutObjectAsync(new PutObjectArgs().WithBucket(_bucket).WithObject(key)
                .WithStreamData(new MemoryStream(bytes)).WithObjectSize(bytes.Length)
                .WithHeaders(new Dictionary<string, string> { ["x-amz-meta-sha256"] = sha256Metadata }), Ct);

        public async Task<int> VersionsAsync(string key)
        {
            var count = 0;
            await foreach (var item in Raw.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(_bucket).WithPrefix(key).WithVersions(true), Ct))
                if (item.Key == key)
                    count++;
            return count;
        }

        public void Dispose()
        {
            _store?.Dispose();
            _raw?.Dispose();
            _gate.Dispose();
        }
    }

    /// <summary>A body that is produced as it is read, never whole: the store cannot know its length up front.</summary>
    sealed class GeneratedStream(long length, IncrementalHash digest) : Stream
    {
        readonly Random _random = new(42);
        long _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            _random.NextBytes(buffer[..n]);
            digest.AppendData(buffer[..n]);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => new(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
