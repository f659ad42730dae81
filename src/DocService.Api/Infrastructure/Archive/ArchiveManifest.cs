using System.Text.Encodings.Web;
using System.Text.Json;
using DocService.Api.Domain;

namespace DocService.Api.Infrastructure.Archive;

/// <summary>
/// <c>manifest.json</c>, the last file of a package (DESIGN §6): what the package holds, each file with its
/// SHA-256 and size, so the package can be checked with nothing but the store and this file.
/// </summary>
public sealed record ArchiveManifest(
    string Format,
    Guid DocumentId,
    string OrganId,
    string? Code,
    string TypeName,
    string Subject,
    DateOnly? IssuedDate,
    string RetentionClass,
    DateTimeOffset IssuedAt,
    IReadOnlyList<ArchiveFile> Files)
{
    public const string CurrentFormat = "docservice-archive/1";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ArchiveManifest Parse(Stream utf8) =>
        JsonSerializer.Deserialize<ArchiveManifest>(utf8, Json) ?? throw new JsonException("manifest.json is empty.");
}

/// <summary>One file of a package, by its path inside the package.</summary>
public sealed record ArchiveFile(string Path, string Sha256, long Size);

/// <summary>Where a package lives: <c>organs/{OrganId}/{year}/{documentId}/</c>, the year being the issue year.</summary>
public static class ArchiveLayout
{
    public const string Manifest = "manifest.json";
    public const string Document = "document.pdf";
    public const string Validation = "validation.json";
    public const string Audit = "audit.jsonl";
    public const string EdXml = "package.edxml";

    public static string Revision(int number) => $"revisions/{number}.pdf";

    public static string Prefix(Document document)
    {
        var year = document.IssuedDate?.Year
                   ?? throw new InvalidOperationException($"Document {document.Id} has no issue date; only issued documents are archived.");
        return $"organs/{document.OrganId}/{year:D4}/{document.Id:D}/";
    }
}
