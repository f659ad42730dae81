namespace DocService.Api.Infrastructure.Errors;

/// <summary>An error the API answers with a given status and stable code (412, 428, 413, 422…).</summary>
public sealed class ApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>When the same request may succeed (a quota frees up): sent as Retry-After.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ApiException NotFound(string what) => new(StatusCodes.Status404NotFound, "resource.not_found", $"{what} was not found.");
}

/// <summary>Request fields that failed validation, by field name (the request's JSON names).</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("The request has invalid fields: " + string.Join(", ", errors.Keys))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
