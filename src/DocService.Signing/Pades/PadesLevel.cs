using System.Text.Json.Serialization;

namespace DocService.Signing.Pades;

/// <summary>PAdES baseline levels (ETSI EN 319 142-1), each adding long-term evidence to the one before.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PadesLevel>))]
public enum PadesLevel
{
    /// <summary>The signature alone.</summary>
    [JsonStringEnumMemberName("B-B")] BB,

    /// <summary>Plus a signature timestamp from a TSA: proof it existed at that time.</summary>
    [JsonStringEnumMemberName("B-T")] BT,

    /// <summary>Plus the certificates and revocation data to validate it later (DSS).</summary>
    [JsonStringEnumMemberName("B-LT")] BLT,

    /// <summary>Plus a document timestamp over all of it, renewable before its algorithms weaken.</summary>
    [JsonStringEnumMemberName("B-LTA")] BLTA,
}
