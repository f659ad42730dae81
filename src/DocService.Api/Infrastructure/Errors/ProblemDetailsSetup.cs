using System.Diagnostics;
using DocService.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

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
            Localise(problem, status, context.HttpContext);
            problem.Instance ??= context.HttpContext.Request.Path;
            // The W3C trace id: the same value the JSON logs carry in their scope (TraceId) and OTLP exports.
            var traceId = Activity.Current?.TraceId.ToHexString() ?? context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("traceId");
            problem.Extensions["traceId"] = traceId;
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DocService.Problems").LogInformation(
                "Answered {Status} {Code} to {Method} {Path} (trace {TraceId})",
                status, problem.Extensions["code"], context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value, traceId);
        });
        services.AddExceptionHandler<DocServiceExceptionHandler>();
        return services;
    }

    /// <summary>
    /// <c>Accept-Language: vi</c> (or any <c>vi-*</c>) gets the Vietnamese title of the code, and as detail the same
    /// sentence; the English detail, which names fields and values, stays beside it as <c>detailEn</c>. The code never changes.
    /// </summary>
    static void Localise(ProblemDetails problem, int status, HttpContext http)
    {
        if (RequestLanguage.Preferred(http.Request) != Language.Vietnamese)
            return;
        var title = ErrorCatalog.VietnameseTitle(problem.Extensions["code"] as string, status);
        if (problem.Detail is { Length: > 0 } english)
            problem.Extensions["detailEn"] = english;
        problem.Title = title;
        problem.Detail = title;
        http.Response.Headers.ContentLanguage = "vi";
    }
}
