using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocService.Cli.Commands;

/// <summary>
/// <c>docsvc reseal-keys</c>: the last step of rotating the service's Keys:ProtectionKey (docs/operations.md) — asks
/// the service to seal every held key and webhook secret again under its current key. A platform admin's token.
/// </summary>
internal static class ResealKeysCommand
{
    sealed record Result(int Keys, int Secrets, int UnderPreviousKey);

    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "DocService base URL, e.g. https://docs.example.gov.vn", Required = true };
        var token = new Option<string>("--token") { Description = "A platform admin's bearer token (JWT)", Required = true };
        var command = new Command("reseal-keys", "Seal every held key and secret again under the service's current Keys:ProtectionKey") { server, token };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var baseAddress))
            {
                Console.Error.WriteLine("--server takes an absolute URL, e.g. https://docs.example.gov.vn.");
                return 64;
            }
            using var http = new HttpClient { BaseAddress = baseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parse.GetValue(token));
            using var response = await http.PostAsync("api/v1/admin/keys/reseal", null, ct);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"Resealing failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return 1;
            }
            var result = (await response.Content.ReadFromJsonAsync<Result>(new JsonSerializerOptions(JsonSerializerDefaults.Web), ct))!;
            Console.WriteLine($"Sealed again under the current protection key: {result.Keys} keys and {result.Secrets} secrets, " +
                $"{result.UnderPreviousKey} of them sealed under a previous key until now.");
            return 0;
        });
        return command;
    }
}
