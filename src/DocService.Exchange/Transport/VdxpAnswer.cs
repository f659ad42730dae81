using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocService.Exchange.Transport;

/// <summary>
/// The JSON answer of the axis: <c>{ "status": "OK"|"SUCCESS"|"FAIL", "ErrorCode": "0", "ErrorDesc", "DocId", "data", "count" }</c>.
/// Read leniently (<see cref="TryParse"/>): names in any case, <c>ErrorCode</c> as a string or a number, fields missing.
/// </summary>
public sealed record VdxpAnswer
{
    public const string Ok = "OK";
    public const string Fail = "FAIL";

    public string Status { get; init; } = Ok;
    public string ErrorCode { get; init; } = "0";
    public string ErrorDesc { get; init; } = "";
    public string? DocId { get; init; }
    public JsonNode? Data { get; init; }
    public long? Count { get; init; }

    /// <summary>OK or SUCCESS (any case) and an ErrorCode of 0 or none.</summary>
    public bool IsOk => Status.ToUpperInvariant() is Ok or "SUCCESS" && ErrorCode is "0" or "";

    public static VdxpAnswer Failure(string code, string description) => new() { Status = Fail, ErrorCode = code, ErrorDesc = description };

    /// <summary>The answer as the axis writes it, names in its own case.</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["status"] = Status,
            ["ErrorCode"] = ErrorCode,
            ["ErrorDesc"] = ErrorDesc,
        };
        if (DocId is not null)
            json["DocId"] = DocId;
        if (Data is not null)
            json["data"] = Data.DeepClone();
        if (Count is not null)
            json["count"] = Count;
        return json.ToJsonString();
    }

    /// <summary>
    /// Null when the text is not an answer of the axis: not JSON, not an object, or an object saying neither
    /// <c>status</c> (OK, SUCCESS, FAIL) nor <c>ErrorCode</c>. Callers treat that as a transient failure.
    /// </summary>
    public static VdxpAnswer? TryParse(string text)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (json is null)
            return null;
        var status = Text(json["status"]);
        var code = Text(json["ErrorCode"]);
        if (status is null && code is null)
            return null;
        if (status is not null && status.ToUpperInvariant() is not (Ok or "SUCCESS" or Fail))
            return null;
        return new VdxpAnswer
        {
            // No status but an ErrorCode: the code decides.
            Status = status ?? (code is "0" ? Ok : Fail),
            ErrorCode = code ?? (status!.Equals(Fail, StringComparison.OrdinalIgnoreCase) ? "" : "0"),
            ErrorDesc = Text(json["ErrorDesc"]) ?? "",
            DocId = Text(json["DocId"]),
            Data = json["data"],
            Count = json["count"] is JsonValue c && long.TryParse(Text(c), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
        };
    }

    /// <summary>A JSON string or number as text; null for anything else.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;
}
