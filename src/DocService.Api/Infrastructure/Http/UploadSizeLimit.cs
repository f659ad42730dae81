using Microsoft.AspNetCore.Http.Metadata;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// Raises the request body limit for one endpoint (uploads) and its form limit with it; every
/// other endpoint keeps the small global limit.
/// </summary>
public sealed class UploadSizeLimit(long maxFileBytes) : IRequestSizeLimitMetadata, IFormOptionsMetadata
{
    // Room for the multipart envelope and the metadata fields around the file.
    const long EnvelopeAllowance = 64 * 1024;

    public long? MaxRequestBodySize => maxFileBytes + EnvelopeAllowance;

    public bool? BufferBody => null;
    public int? MemoryBufferThreshold => null;
    public long? BufferBodyLengthLimit => null;
    public int? ValueCountLimit => 64;
    public int? KeyLengthLimit => null;
    public int? ValueLengthLimit => 64 * 1024;
    public int? MultipartBoundaryLengthLimit => null;
    public int? MultipartHeadersCountLimit => null;
    public int? MultipartHeadersLengthLimit => null;
    public long? MultipartBodyLengthLimit => maxFileBytes + EnvelopeAllowance;
}
