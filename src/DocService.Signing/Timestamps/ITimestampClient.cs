namespace DocService.Signing.Timestamps;

/// <summary>Gets RFC 3161 timestamp tokens: proof that a digest existed at a time, from a TSA.</summary>
public interface ITimestampClient
{
    /// <summary>
    /// A token (DER ContentInfo with SignedData over a TSTInfo) whose message imprint is
    /// <paramref name="digest"/>, already checked against the request.
    /// </summary>
    /// <exception cref="TimestampException">The TSA is unreachable or its answer does not fit the request.</exception>
    Task<byte[]> StampAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct);
}
