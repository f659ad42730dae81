namespace DocService.Api.Features.Documents;

public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>The largest PDF accepted on upload; the request limit of the upload endpoint follows it.</summary>
    public long MaxUploadBytes { get; set; } = 100 * 1024 * 1024;
}
