using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Infrastructure.Storage;
using DocService.Drafting.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Errors;

/// <summary>
/// The one place exceptions become HTTP answers. Known failures get their status and code;
/// anything else is a 500 whose body says nothing about the internals.
/// </summary>
public sealed partial class DocServiceExceptionHandler(IProblemDetailsService problems, ILogger<DocServiceExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, code, title, detail) = Describe(exception);
        if (status >= 500)
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (exception is RequestValidationException validation)
            problem.Extensions["errors"] = validation.Errors;
        if (exception is DomainValidationException field)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field.Field] = [field.Message] };
        if (exception is DraftValidationException draft)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [draft.Field] = [draft.Reason] };

        http.Response.StatusCode = status;
        // Every 503 is a dependency that is down for now (object store, TSA, OCSP/CRL, HSM): nothing was changed.
        if (exception is ApiException { RetryAfter: { } retryAfter })
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    static (int Status, string Code, string Title, string? Detail) Describe(Exception exception) => exception switch
    {
        ApiException api => (api.Status, api.Code, Title(api.Status), api.Message),
        DocService.Signing.Timestamps.TimestampException { Code: DocService.Signing.Timestamps.TimestampException.Unavailable } t
            => (503, t.Code, "The timestamping authority is unavailable; nothing was changed, retry later.", t.Message),
        DocService.Signing.Timestamps.TimestampException t => (502, t.Code, "The timestamping authority gave an unusable answer; nothing was changed.", t.Message),
        DocService.Signing.Ltv.RevocationUnavailableException r
            => (503, DocService.Signing.Ltv.RevocationUnavailableException.Code, "Revocation data (OCSP/CRL) is unavailable; nothing was changed, retry later.", r.Message),
        // A PKCS#11 token or HSM that fails while opening or in the middle of signing (removed, PIN refused, device error).
        DocService.Signing.Keys.Pkcs11KeyException k => (503, TokenUnavailable, "The signing key's token or HSM cannot be used; nothing was changed, retry later.", k.Message),
        Net.Pkcs11Interop.Common.Pkcs11Exception p
            => (503, TokenUnavailable, "The signing key's token or HSM cannot be used; nothing was changed, retry later.", $"The PKCS#11 token failed in {p.Method}: {p.RV}."),
        Net.Pkcs11Interop.Common.UnmanagedException u
            => (503, TokenUnavailable, "The signing key's token or HSM cannot be used; nothing was changed, retry later.", "The PKCS#11 module failed: " + u.Message),
        // A held key or secret sealed under a protection key the configuration no longer names (a rotation half done).
        DocService.Signing.Keys.KeyProtectionException => (503, KeySealedUnderUnknownKey, "A held key cannot be opened with the configured protection keys; nothing was changed.",
            "Put the protection key it was sealed under in Keys:PreviousProtectionKeys (docs/operations.md, rotating Keys:ProtectionKey)."),
        RequestValidationException v => (400, "validation.failed", "The request has invalid fields.", v.Message),
        InvalidTransitionException t => (409, t.Code, "The document is not in a state that allows this.", t.Message),
        DocumentFrozenException f => (409, f.Code, "The document is frozen by its sender.", f.Message),
        RevokeNotRequestedException r => (409, r.Code, "The document is not in a state that allows this.", r.Message),
        DomainValidationException d => (400, d.Code, "The request has invalid fields.", d.Message),
        DraftValidationException d => (400, "validation.failed", "The draft has invalid fields.", d.Message),
        DomainException d => (422, d.Code, "The request breaks a rule of the domain.", d.Message),
        ObjectCorruptedException c => (500, c.Code, "Stored content failed its integrity check and was not served.", c.Message),
        ObjectNotFoundException n => (404, n.Code, "The content was not found.", null),
        ObjectStoreUnavailableException u => (503, u.Code, "The object store is unavailable; retry later.", null),
        ObjectRetentionNotHonouredException r => (500, r.Code, "The object store did not keep the retention it was asked for.", null),
        ObjectStoreException s => (409, s.Code, "The object store refused the change.", s.Message),
        DbUpdateConcurrencyException => (412, "precondition.failed", "The document changed since you read it.", "Fetch it again and retry with the new ETag."),
        UnauthorizedAccessException u => (403, "auth.forbidden", Title(403), u.Message),
        BadHttpRequestException bad => (bad.StatusCode, BadRequestCode(bad), Title(bad.StatusCode), BadRequestDetail(bad)),
        _ => (500, "server.error", "An unexpected error occurred.", null),
    };

    /// <summary>How long a client waits before retrying after a dependency failed (503).</summary>
    public const string RetryAfterSeconds = "30";

    /// <summary>The code of a signing key on a PKCS#11 token or HSM that cannot be used.</summary>
    public const string TokenUnavailable = "key.token_unavailable";

    public const string KeySealedUnderUnknownKey = "key.sealed_under_unknown_key";

    static string BadRequestCode(BadHttpRequestException bad) =>
        bad.StatusCode == 400 && bad.InnerException is JsonException ? "request.malformed_json" : ProblemCodes.ForStatus(bad.StatusCode);

    // The JSON reader's message names the path of the offending field ("Path: $.comment"), which is what a client needs.
    // Minimal APIs' binding messages name the C# parameter ("DateOnly from"): a client needs its name and what to send.
    static string BadRequestDetail(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return json.Message;
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
            return $"The parameter '{missing.Groups["name"].Value}' is required{Expected(missing.Groups["type"].Value)}; it is missing from the {missing.Groups["source"].Value}.";
        if (UnboundParameter().Match(bad.Message) is { Success: true } unbound)
            return $"'{unbound.Groups["value"].Value}' is not a valid value for '{unbound.Groups["name"].Value}'{Expected(unbound.Groups["type"].Value)}.";
        return bad.Message;
    }

    static string Expected(string type) => type.TrimEnd('?') switch
    {
        "DateOnly" => " (a date, yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" => " (a time, ISO 8601)",
        "int" or "long" or "Int32" or "Int64" => " (a whole number)",
        "Guid" => " (an id, a GUID)",
        "bool" or "Boolean" => " (true or false)",
        _ => "",
    };

    [System.Text.RegularExpressions.GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>\w+)" was not provided from (?<source>[\w ]+)\.$""")]
    private static partial System.Text.RegularExpressions.Regex MissingParameter();

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    static string Title(int status) => status switch
    {
        400 => "The request is not valid.",
        403 => "You are not allowed to do this.",
        404 => "Not found.",
        410 => "The resource is no longer available.",
        412 => "The precondition failed.",
        413 => "The request is too large.",
        414 => "The request line is too long.",
        415 => "The content type is not supported here.",
        422 => "The request cannot be processed.",
        428 => "A precondition is required.",
        429 => "Too many requests; retry later.",
        431 => "The request headers are too large.",
        _ => "The request failed.",
    };
}
