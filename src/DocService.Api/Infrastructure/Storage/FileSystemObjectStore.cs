using System.Globalization;
using System.Security.Cryptography;

namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// The embedded store: each object is a directory holding <c>data</c> and its <c>sha256</c>,
/// assembled in a staging area and moved into place in one rename, so a reader sees a whole
/// object or none, and a second writer of the same key fails instead of replacing it. An expiring object also
/// holds <c>expires</c>, its keep-until date, the only thing that lets <see cref="DeleteAsync"/> remove it.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    const string DataFile = "data";
    const string HashFile = "sha256";
    const string ExpiresFile = "expires";
    readonly string _objects;
    readonly string _staging;
    readonly TimeProvider _time;

    public FileSystemObjectStore(string root, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _objects = Path.GetFullPath(Path.Combine(root, "objects"));
        _staging = Path.GetFullPath(Path.Combine(root, "staging"));
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_staging);
    }

    /// <summary>Every object is kept for good: the filesystem has no dated lock, so the retention class changes nothing here.</summary>
    public Task<StoredObject> PutAsync(string key, Stream content, RetentionClass? retention, CancellationToken ct) =>
        PutCoreAsync(key, content, null, ct);

    public Task<StoredObject> PutExpiringAsync(string key, Stream content, DateTimeOffset keepUntil, CancellationToken ct) =>
        PutCoreAsync(key, content, keepUntil, ct);

    async Task<StoredObject> PutCoreAsync(string key, Stream content, DateTimeOffset? keepUntil, CancellationToken ct)
    {
        var target = ObjectDirectory(key);
        if (Directory.Exists(target))
            throw new ObjectAlreadyExistsException(key);

        var stage = Directory.CreateDirectory(Path.Combine(_staging, Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var hashing = new HashingReadStream(content);
            await using (var file = new FileStream(Path.Combine(stage, DataFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await hashing.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            var sha256 = hashing.Sha256Hex();
            await File.WriteAllTextAsync(Path.Combine(stage, HashFile), sha256, ct);
            if (keepUntil is { } until)
                await File.WriteAllTextAsync(Path.Combine(stage, ExpiresFile), until.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), ct);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(Path.Combine(stage, DataFile), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                Directory.Move(stage, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                throw new ObjectAlreadyExistsException(key);
            }
            return new StoredObject(key, sha256, hashing.BytesRead);
        }
        finally
        {
            if (Directory.Exists(stage))
                Directory.Delete(stage, recursive: true);
        }
    }

    public async Task<Stream> OpenReadAsync(string key, string? expectedSha256, CancellationToken ct)
    {
        var directory = ObjectDirectory(key);
        var dataPath = Path.Combine(directory, DataFile);
        if (!File.Exists(dataPath))
            throw new ObjectNotFoundException(key);

        var expected = (await File.ReadAllTextAsync(Path.Combine(directory, HashFile), ct)).Trim();
        var data = new FileStream(dataPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        try
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(data, ct));
            if (actual != expected || (expectedSha256 is not null && !actual.Equals(expectedSha256, StringComparison.OrdinalIgnoreCase)))
                throw new ObjectCorruptedException(key, expectedSha256 ?? expected, actual);
            data.Position = 0;
            return data;
        }
        catch
        {
            await data.DisposeAsync();
            throw;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        Task.FromResult(Directory.Exists(ObjectDirectory(key)));

    /// <summary>Only an expiring object past its date is removed; every other one is kept for good.</summary>
    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        var directory = ObjectDirectory(key);
        if (!Directory.Exists(directory))
            throw new ObjectNotFoundException(key);
        var expires = Path.Combine(directory, ExpiresFile);
        if (!File.Exists(expires)
            || !DateTimeOffset.TryParse(await File.ReadAllTextAsync(expires, ct), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until)
            || _time.GetUtcNow() < until)
            throw new ObjectImmutableException(key);
        // Moved aside in one rename first, so a reader sees the whole object or none, as when it was written.
        var doomed = Path.Combine(_staging, $"deleted-{Guid.NewGuid():N}");
        Directory.Move(directory, doomed);
        Directory.Delete(doomed, recursive: true);
    }

    public async Task CheckReadyAsync(CancellationToken ct)
    {
        var probe = Path.Combine(_staging, $"ready-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(probe, "ok", ct);
        File.Delete(probe);
    }

    string ObjectDirectory(string key) => Path.Combine(_objects, ObjectKey.Validate(key));
}
