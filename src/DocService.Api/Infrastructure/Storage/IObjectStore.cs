namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// Write-once storage for document bytes. An object, once written, is never replaced or removed,
/// and every read proves the bytes still hash to what was written.
/// </summary>
public interface IObjectStore
{
    /// <summary>Streams <paramref name="content"/> into a new object; an existing key is refused.</summary>
    Task<StoredObject> PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Opens an object for reading after checking its SHA-256; corrupted bytes are never returned.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Write-once stores refuse this for every retained object.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Throws when the store cannot take writes (readiness probe).</summary>
    Task CheckReadyAsync(CancellationToken ct);
}

public sealed record StoredObject(string Key, string Sha256, long Size);

public class ObjectStoreException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class ObjectAlreadyExistsException(string key)
    : ObjectStoreException("storage.object_exists", $"Object '{key}' already exists and is write-once.");

public sealed class ObjectImmutableException(string key)
    : ObjectStoreException("storage.object_immutable", $"Object '{key}' is retained and cannot be deleted.");

public sealed class ObjectNotFoundException(string key)
    : ObjectStoreException("storage.object_not_found", $"Object '{key}' does not exist.");

public sealed class ObjectCorruptedException(string key, string expected, string actual)
    : ObjectStoreException("storage.object_corrupted", $"Object '{key}' is corrupted: its SHA-256 is {actual}, {expected} was stored.");
