namespace DocService.Api.Infrastructure.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>Every error body is RFC 9457 ProblemDetails with a stable <c>code</c>, including the bodiless 401/404/415 the framework produces.</summary>
    public static IServiceCollection AddDocServiceProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.Remove("traceId");
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<DocServiceExceptionHandler>();
        return services;
    }
}
