using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing.Validation.Revocation;

/// <summary>
/// OCSP responses and CRLs fetched online, kept until their nextUpdate: until then the issuer promises no
/// newer information, so validating a hundred documents of one signer asks the responder once, and one CRL
/// serves every certificate it covers. An answer without a nextUpdate is never kept (newer information may
/// be available at any time, RFC 6960 §4.2.2.1). Bounded in bytes; share one instance across validators.
/// </summary>
public sealed class RevocationCache(long maxBytes = 64L * 1024 * 1024)
{
    sealed record Entry(byte[] Bytes, DateTimeOffset NextUpdate);

    readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    readonly Lock _lock = new();
    long _bytes;

    /// <summary>How many answers are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    internal static string OcspKey(string url, X509Certificate2 certificate) => $"OCSP {url} {certificate.Issuer} {certificate.SerialNumber}";

    internal static string CrlKey(string url) => "CRL " + url;

    internal byte[]? Find(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
                return null;
            if (entry.NextUpdate > now)
                return entry.Bytes;
            Remove(key, entry);
            return null;
        }
    }

    internal void Keep(string key, byte[] bytes, DateTimeOffset? nextUpdate, DateTimeOffset now)
    {
        if (nextUpdate is not { } until || until <= now)
            return;
        lock (_lock)
        {
            if (_entries.Remove(key, out var replaced))
                _bytes -= replaced.Bytes.Length;
            if (_bytes + bytes.Length > maxBytes)
            {
                foreach (var (staleKey, stale) in _entries.Where(e => e.Value.NextUpdate <= now).ToList())
                    Remove(staleKey, stale);
                if (_bytes + bytes.Length > maxBytes)
                    return;
            }
            _entries[key] = new Entry(bytes, until);
            _bytes += bytes.Length;
        }
    }

    void Remove(string key, Entry entry)
    {
        _entries.Remove(key);
        _bytes -= entry.Bytes.Length;
    }
}
