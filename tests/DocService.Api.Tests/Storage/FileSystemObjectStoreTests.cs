using System.Security.Cryptography;
using DocService.Api.Infrastructure.Storage;

namespace DocService.Api.Tests.Storage;

public sealed class FileSystemObjectStoreTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("docservice-store-").FullName;
    readonly FileSystemObjectStore _store;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public FileSystemObjectStoreTests() => _store = new FileSystemObjectStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static MemoryStream Bytes(int size, byte seed = 1) => new(Enumerable.Range(0, size).Select(i => (byte)(i * seed)).ToArray());

    [Fact]
    public async Task Put_reports_the_sha256_and_size_and_read_returns_the_same_bytes()
    {
        var content = Bytes(300_000);
        var expected = Convert.ToHexStringLower(SHA256.HashData(content.ToArray()));

        var stored = await _store.PutAsync("organs/x/1.pdf", content, Ct);

        stored.Sha256.ShouldBe(expected);
        stored.Size.ShouldBe(300_000);
        await using var read = await _store.OpenReadAsync("organs/x/1.pdf", Ct);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        copy.ToArray().ShouldBe(content.ToArray());
    }

    [Fact]
    public async Task Second_write_to_a_key_is_refused_and_the_first_bytes_stay()
    {
        await _store.PutAsync("a/b.pdf", Bytes(100, 1), Ct);

        await Should.ThrowAsync<ObjectAlreadyExistsException>(_store.PutAsync("a/b.pdf", Bytes(100, 3), Ct));

        await using var read = await _store.OpenReadAsync("a/b.pdf", Ct);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        copy.ToArray().ShouldBe(Bytes(100, 1).ToArray());
    }

    [Fact]
    public async Task Parallel_writers_of_one_key_leave_exactly_one_object()
    {
        var attempts = Enumerable.Range(1, 8).Select(async i =>
        {
            try { await _store.PutAsync("race/key.pdf", Bytes(50_000, (byte)i), Ct); return true; }
            catch (ObjectAlreadyExistsException) { return false; }
        });

        (await Task.WhenAll(attempts)).Count(won => won).ShouldBe(1);
        await using var read = await _store.OpenReadAsync("race/key.pdf", Ct);
        read.Length.ShouldBe(50_000);
    }

    [Fact]
    public async Task An_expiring_object_is_kept_until_its_date_and_deleted_after_it()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new FileSystemObjectStore(_root, clock);
        await store.PutExpiringAsync("organs/x/verifications/1.pdf", Bytes(10), clock.GetUtcNow().AddDays(30), Ct);
        await store.PutAsync("organs/x/documents/1.pdf", Bytes(10), Ct);

        clock.Now = clock.Now.AddDays(30).AddSeconds(-1);
        await Should.ThrowAsync<ObjectImmutableException>(store.DeleteAsync("organs/x/verifications/1.pdf", Ct));
        (await store.ExistsAsync("organs/x/verifications/1.pdf", Ct)).ShouldBeTrue();

        clock.Now = clock.Now.AddSeconds(1);
        await store.DeleteAsync("organs/x/verifications/1.pdf", Ct);
        (await store.ExistsAsync("organs/x/verifications/1.pdf", Ct)).ShouldBeFalse();
        await Should.ThrowAsync<ObjectNotFoundException>(store.OpenReadAsync("organs/x/verifications/1.pdf", Ct));

        // A record written without a date is kept for good, however late it is.
        clock.Now = clock.Now.AddYears(100);
        await Should.ThrowAsync<ObjectImmutableException>(store.DeleteAsync("organs/x/documents/1.pdf", Ct));
    }

    sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Delete_is_refused()
    {
        await _store.PutAsync("keep.pdf", Bytes(10), Ct);

        await Should.ThrowAsync<ObjectImmutableException>(_store.DeleteAsync("keep.pdf", Ct));
        (await _store.ExistsAsync("keep.pdf", Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Corrupted_bytes_are_reported_and_never_served()
    {
        await _store.PutAsync("doc/r1.pdf", Bytes(1000), Ct);
        var data = Directory.GetFiles(Path.Combine(_root, "objects", "doc", "r1.pdf")).Single(f => f.EndsWith("data"));
        File.SetAttributes(data, FileAttributes.Normal);
        File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using (var file = new FileStream(data, FileMode.Open, FileAccess.Write))
        {
            file.Position = 500;
            file.WriteByte(0xFF);
        }

        var error = await Should.ThrowAsync<ObjectCorruptedException>(_store.OpenReadAsync("doc/r1.pdf", Ct));
        error.Code.ShouldBe("storage.object_corrupted");
    }

    [Fact]
    public async Task A_digest_the_caller_keeps_that_differs_from_the_bytes_is_reported()
    {
        var stored = await _store.PutAsync("doc/r2.pdf", Bytes(1000), Ct);

        await using (await _store.OpenReadAsync("doc/r2.pdf", stored.Sha256.ToUpperInvariant(), Ct)) { }
        await Should.ThrowAsync<ObjectCorruptedException>(_store.OpenReadAsync("doc/r2.pdf", new string('0', 64), Ct));
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_behind()
    {
        await Should.ThrowAsync<IOException>(_store.PutAsync("broken.pdf", new FailingStream(), Ct));

        (await _store.ExistsAsync("broken.pdf", Ct)).ShouldBeFalse();
        Directory.GetFileSystemEntries(Path.Combine(_root, "staging")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task Keys_that_could_escape_the_store_are_refused(string key)
    {
        await Should.ThrowAsync<ArgumentException>(_store.PutAsync(key, Bytes(1), Ct));
    }

    sealed class FailingStream : MemoryStream
    {
        public FailingStream() : base(new byte[10_000]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Position > 5000 ? throw new IOException("connection reset") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], ct);
    }
}
