using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocService.Signing.Validation;

/// <summary>The one JSON shape of a report, shared by the API and the CLI.</summary>
public static class ValidationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Vietnamese stays readable in the file instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(DocumentValidationReport report) => JsonSerializer.Serialize(report, Options);

    public static DocumentValidationReport? Deserialize(string json) => JsonSerializer.Deserialize<DocumentValidationReport>(json, Options);
}
