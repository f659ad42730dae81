namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// Write-once storage for document bytes. An object, once written, is never replaced or removed,
/// and every read proves the bytes still hash to what was written.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into a new object; an existing key is refused. Stores that can lock
    /// objects keep them for the <paramref name="retention"/> class (the configured default when null).
    /// </summary>
    Task<StoredObject> PutAsync(string key, Stream content, RetentionClass? retention, CancellationToken ct);

    /// <summary>
    /// As <see cref="PutAsync(string, Stream, RetentionClass?, CancellationToken)"/> for bytes that are no record
    /// (a file uploaded only to be verified): kept, unchangeable, until <paramref name="keepUntil"/>, after which
    /// <see cref="DeleteAsync"/> removes them.
    /// </summary>
    Task<StoredObject> PutExpiringAsync(string key, Stream content, DateTimeOffset keepUntil, CancellationToken ct);

    /// <summary>
    /// Opens an object for reading after checking its SHA-256 against the one stored with it and, when given,
    /// <paramref name="expectedSha256"/>: the digest the caller keeps apart from the bytes (the database's), which
    /// also catches bytes replaced together with their stored digest. Corrupted bytes are never returned.
    /// </summary>
    Task<Stream> OpenReadAsync(string key, string? expectedSha256, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Refused (<see cref="ObjectImmutableException"/>) for every object still retained: a record, or an expiring object before its date.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Throws when the store cannot take writes (readiness probe).</summary>
    Task CheckReadyAsync(CancellationToken ct);
}

public sealed record StoredObject(string Key, string Sha256, long Size);

/// <summary>The short forms: default retention, and reads checked against the digest stored with the bytes.</summary>
public static class ObjectStoreExtensions
{
    public static Task<StoredObject> PutAsync(this IObjectStore store, string key, Stream content, CancellationToken ct) =>
        store.PutAsync(key, content, null, ct);

    public static Task<Stream> OpenReadAsync(this IObjectStore store, string key, CancellationToken ct) =>
        store.OpenReadAsync(key, null, ct);
}

public class ObjectStoreException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The store does not answer; the request can be retried later, nothing was changed.</summary>
public sealed class ObjectStoreUnavailableException(string message) : ObjectStoreException("storage.unavailable", message);

public sealed class ObjectAlreadyExistsException(string key)
    : ObjectStoreException("storage.object_exists", $"Object '{key}' already exists and is write-once.");

public sealed class ObjectImmutableException(string key)
    : ObjectStoreException("storage.object_immutable", $"Object '{key}' is retained and cannot be deleted.");

public sealed class ObjectNotFoundException(string key)
    : ObjectStoreException("storage.object_not_found", $"Object '{key}' does not exist.");

public sealed class ObjectCorruptedException(string key, string expected, string actual)
    : ObjectStoreException("storage.object_corrupted", $"Object '{key}' is corrupted: its SHA-256 is {actual}, {expected} was stored.");

public sealed class ObjectRetentionNotHonouredException(string key, DateTimeOffset requested, DateTimeOffset? recorded)
    : ObjectStoreException("storage.retention_not_honoured",
        $"Object '{key}' was written but the server recorded its lock as {(recorded is { } r ? $"COMPLIANCE until {r:O}" : "absent")}, not COMPLIANCE until {requested:O}; check the server's Object Lock support.");
