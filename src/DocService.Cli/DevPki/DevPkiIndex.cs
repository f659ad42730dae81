using System.Text.Json;

namespace DocService.Cli.DevPki;

/// <summary>One line of <c>index.json</c>; paths are relative to the PKI directory.</summary>
internal sealed record DevPkiIndexEntry(string Name, string Role, string KeyType, string Certificate, string Pkcs12, string Password);

/// <summary><c>index.json</c>: how tests and tools find a certificate by role without hard-coding file names.</summary>
internal static class DevPkiIndex
{
    public const string FileName = "index.json";

    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize(IEnumerable<DevPkiIndexEntry> entries) => JsonSerializer.Serialize(entries, Options) + "\n";
}
