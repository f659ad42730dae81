using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocService.Exchange.Transport;

/// <summary>The JSON answer of the axis: <c>{ "status": "OK"|"FAIL", "ErrorCode", "ErrorDesc", "DocId", "data" }</c>.</summary>
public sealed record VdxpAnswer
{
    public const string Ok = "OK";
    public const string Fail = "FAIL";

    [JsonPropertyName("status")]
    public string Status { get; init; } = Ok;

    [JsonPropertyName("ErrorCode")]
    public string ErrorCode { get; init; } = "0";

    [JsonPropertyName("ErrorDesc")]
    public string ErrorDesc { get; init; } = "";

    [JsonPropertyName("DocId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DocId { get; init; }

    [JsonPropertyName("Duplicate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Duplicate { get; init; }

    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Data { get; init; }

    [JsonIgnore]
    public bool IsOk => string.Equals(Status, Ok, StringComparison.OrdinalIgnoreCase);

    public static VdxpAnswer Failure(string code, string description) => new() { Status = Fail, ErrorCode = code, ErrorDesc = description };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

/// <summary>One entry of <c>getReceivedEdocList</c>'s <c>data</c>.</summary>
public sealed record VdxpReceivedItem(string DocId, string From, string MessageType, DateTimeOffset Created);

/// <summary>One entry of <c>getSentEdocList</c>'s <c>data</c>.</summary>
public sealed record VdxpSentItem(string DocId, string? DocumentId, string MessageType, DateTimeOffset Created, IReadOnlyList<RecipientState> Recipients);
