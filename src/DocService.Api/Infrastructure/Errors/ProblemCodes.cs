namespace DocService.Api.Infrastructure.Errors;

/// <summary>
/// The code a ProblemDetails carries when nothing more specific was said: clients can always
/// match on <c>code</c>, never on the English <c>detail</c>.
/// </summary>
public static class ProblemCodes
{
    public static string ForStatus(int status) => status switch
    {
        400 => "request.invalid",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "resource.not_found",
        405 => "request.method_not_allowed",
        406 => "request.not_acceptable",
        409 => "resource.conflict",
        412 => "precondition.failed",
        413 => "request.too_large",
        415 => "request.unsupported_media_type",
        422 => "request.unprocessable",
        428 => "precondition.required",
        429 => "request.rate_limited",
        503 => "service.unavailable",
        _ => "server.error",
    };
}
