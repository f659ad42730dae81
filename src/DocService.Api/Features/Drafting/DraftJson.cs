using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// Drafts as JSON outside an HTTP request (the copy a document keeps, the CLI's files), written and
/// read with the API's conventions: camelCase, enums as strings, unknown members refused.
/// </summary>
public static class DraftJson
{
    /// <summary>Indented, with Vietnamese letters as they are rather than \u escapes: for people to read and edit.</summary>
    public static JsonSerializerOptions Readable { get; } = Create(indented: true);

    static readonly JsonSerializerOptions Compact = Create(indented: false);

    public static string Serialize(DraftRequest draft) => JsonSerializer.Serialize(draft, Compact);

    /// <exception cref="JsonException">The text is not a draft (malformed, or a member the draft does not have).</exception>
    public static DraftRequest Deserialize(string json) =>
        JsonSerializer.Deserialize<DraftRequest>(json, Compact) ?? throw new JsonException("The JSON is null, not a draft.");

    static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Drafts go into files and a database column, never into HTML, where this escaping would matter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
