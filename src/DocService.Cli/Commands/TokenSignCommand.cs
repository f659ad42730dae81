using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocService.Signing;
using DocService.Signing.Keys;

namespace DocService.Cli.Commands;

/// <summary>
/// <c>docsvc token-sign</c>: what an official's desktop does with the three-step API. It opens a signing
/// session on the document's current version, signs the digest of the data to sign with a key that stays
/// local (a PKCS#11 token, or a PKCS#12 file), and completes the session.
/// </summary>
internal static class TokenSignCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "DocService base URL, e.g. https://docs.example.gov.vn", Required = true };
        var token = new Option<string>("--token") { Description = "The official's bearer token (JWT)", Required = true };
        var document = new Option<Guid>("--document") { Description = "Id of the document to sign", Required = true };
        var step = new Option<string>("--step") { Description = "approve (the leader's signature) or issue (the clerk's: number, date, seal)", DefaultValueFactory = _ => "approve" };
        step.AcceptOnlyFromAmong("approve", "issue");
        var pkcs11 = new Option<string?>("--pkcs11") { Description = "Path of the token's PKCS#11 module" };
        var slot = new Option<ulong?>("--slot") { Description = "PKCS#11 slot id" };
        var label = new Option<string?>("--label") { Description = "PKCS#11 token label" };
        var keyLabel = new Option<string?>("--key-label") { Description = "Label of the key on the token (when it holds several)" };
        var pin = new Option<string?>("--pin") { Description = $"The token's user PIN (else {Secrets.PinVariable}, else asked)" };
        var p12 = new Option<FileInfo?>("--p12") { Description = "PKCS#12 file instead of a token" }.MustExist();
        var password = new Option<string?>("--password") { Description = $"The PKCS#12 password (else {Secrets.PasswordVariable}, else asked)" };

        var command = new Command("token-sign", "Sign a document on the server with a key that stays here (three-step signing)")
        {
            server, token, document, step, pkcs11, slot, label, keyLabel, pin, p12, password,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            int Fail(string message)
            {
                error.WriteLine(message);
                return 2;
            }

            ISigner signer;
            if (parse.GetValue(pkcs11) is { } module)
            {
                if (parse.GetValue(slot) is null && parse.GetValue(label) is null)
                    return Fail("--pkcs11 needs --slot or --label.");
                signer = new Pkcs11Signer(new Pkcs11Options
                {
                    Module = module,
                    Slot = parse.GetValue(slot),
                    TokenLabel = parse.GetValue(label),
                    KeyLabel = parse.GetValue(keyLabel),
                    Pin = Secrets.Read(parse.GetValue(pin), Secrets.PinVariable, "--pin", "PIN of the token"),
                    MaxSessions = 1,
                });
            }
            else if (parse.GetValue(p12) is { } file)
            {
                signer = Pkcs12Signer.Open(file.FullName,
                    Secrets.Read(parse.GetValue(password), Secrets.PasswordVariable, "--password", $"Password of {file.Name}"));
            }
            else
            {
                return Fail("Give --pkcs11 MODULE (--slot N | --label L) [--pin PIN], or --p12 FILE [--password PW].");
            }

            using (signer as IDisposable)
            {
                if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var baseAddress))
                    return Fail("--server takes an absolute URL, e.g. https://docs.example.gov.vn.");
                using var http = new HttpClient { BaseAddress = baseAddress };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parse.GetValue(token));
                return await RunAsync(http, signer, parse.GetValue(document), parse.GetValue(step) == "issue" ? "Issue" : "Approve", error, ct);
            }
        });
        return command;
    }

    static async Task<int> RunAsync(HttpClient http, ISigner signer, Guid documentId, string step, TextWriter error, CancellationToken ct)
    {
        // 1. The document's current version: the session is opened on exactly that one.
        using var current = await http.GetAsync($"api/v1/documents/{documentId}", ct);
        if (!current.IsSuccessStatusCode)
            return await FailAsync("Reading the document", current, error, ct);
        // The server refuses If-Match: * on changes, so without the version there is nothing safe to send.
        if (current.Headers.ETag?.Tag is not { } etag)
        {
            await error.WriteLineAsync("Reading the document: the answer carries no ETag, so the session cannot be opened on a known version.");
            return 1;
        }

        // 2. Open the session with the certificate chain: the server prepares the PDF and answers the data to sign.
        var open = new HttpRequestMessage(HttpMethod.Post, $"api/v1/documents/{documentId}/signing-sessions")
        {
            Content = JsonContent.Create(new
            {
                step,
                certificateChain = new[] { signer.Certificate }.Concat(signer.Chain).Select(c => Convert.ToBase64String(c.RawData)).ToArray(),
                signatureAlgorithm = signer.SignatureAlgorithm.ToString(),
            }, options: Json),
        };
        open.Headers.TryAddWithoutValidation("If-Match", etag);
        using var opened = await http.SendAsync(open, ct);
        if (!opened.IsSuccessStatusCode)
            return await FailAsync("Opening the signing session", opened, error, ct);
        var session = (await opened.Content.ReadFromJsonAsync<Session>(Json, ct))!;

        // 3. Sign here: the key never leaves the token or this machine.
        var value = await signer.SignAsync(Convert.FromBase64String(session.DigestToSign), session.DigestAlgorithm, ct);

        // 4. Complete: the server verifies the value against what it prepared, then embeds and stores it.
        using var completed = await http.PutAsJsonAsync($"api/v1/signing-sessions/{session.SessionId}/signature",
            new { signatureValue = Convert.ToBase64String(value) }, Json, ct);
        if (!completed.IsSuccessStatusCode)
            return await FailAsync("Completing the signing session", completed, error, ct);
        var result = await completed.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
        Console.WriteLine($"Signed document {documentId} ({step}) as {signer.Certificate.Subject}: status {result.GetProperty("status").GetString()}"
            + (session.RegisterNumber is { } number ? $", number {number}" : ""));
        return 0;
    }

    sealed record Session(Guid SessionId, string DigestToSign, DigestAlgorithm DigestAlgorithm, int? RegisterNumber);

    static async Task<int> FailAsync(string what, HttpResponseMessage response, TextWriter error, CancellationToken ct)
    {
        error.WriteLine($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return 1;
    }
}
