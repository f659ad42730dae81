using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DocService.Api.Infrastructure.OpenApi;

/// <summary>
/// Endpoints that share a route and method and differ by the request's Content-Type (routing picks
/// one by its accepted media types: a PDF upload as multipart, a draft as JSON). OpenAPI has one
/// operation per route and method, so they become one operation whose request body lists each
/// media type with its own schema, and whose summary and description name both.
/// </summary>
public static class ContentTypeAlternatives
{
    const string Key = "docservice:content-type-alternatives";

    /// <summary>
    /// Picks the description Swashbuckle generates the operation from (a form one, whose multipart
    /// schema only Swashbuckle knows how to build) and keeps the others, which carry a JSON body.
    /// </summary>
    public static ApiDescription Resolve(IEnumerable<ApiDescription> conflicting)
    {
        var all = conflicting.ToList();
        var primary = all.FirstOrDefault(d => !d.ParameterDescriptions.Any(IsBody)) ?? all[0];
        var alternatives = all.Where(d => d != primary).ToList();
        if (alternatives.Any(d => !d.ParameterDescriptions.Any(IsBody)))
            throw new InvalidOperationException(
                $"{primary.HttpMethod} {primary.RelativePath} is mapped more than once, and not as alternatives by Content-Type with a body each.");
        primary.Properties[Key] = alternatives;
        return primary;
    }

    static bool IsBody(ApiParameterDescription parameter) => parameter.Source == BindingSource.Body;

    /// <summary>Adds each alternative's body schema under its media types, and its summary and description.</summary>
    public sealed class OperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.Properties.TryGetValue(Key, out var value) || value is not List<ApiDescription> alternatives)
                return;

            var content = operation.RequestBody?.Content
                ?? throw new InvalidOperationException($"{context.ApiDescription.RelativePath}: the primary alternative has no request body.");
            var descriptions = new List<string>();
            if (operation.Description is { Length: > 0 } primaryDescription)
                descriptions.Add($"`{string.Join("`, `", content.Keys)}`: {primaryDescription}");
            var summaries = new List<string?> { operation.Summary };

            foreach (var alternative in alternatives)
            {
                var body = alternative.ParameterDescriptions.First(IsBody);
                var schema = context.SchemaGenerator.GenerateSchema(body.Type, context.SchemaRepository);
                var mediaTypes = alternative.SupportedRequestFormats.Select(f => f.MediaType).Distinct().ToList();
                foreach (var mediaType in mediaTypes)
                    content[mediaType] = new OpenApiMediaType { Schema = schema };

                var metadata = alternative.ActionDescriptor.EndpointMetadata;
                summaries.Add(metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary);
                if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description is { Length: > 0 } description)
                    descriptions.Add($"`{string.Join("`, `", mediaTypes)}`: {description}");
            }

            operation.Summary = string.Join("; or ", summaries.Where(s => !string.IsNullOrEmpty(s))
                .Select((s, i) => i == 0 ? s : char.ToLowerInvariant(s![0]) + s[1..]));
            operation.Description = string.Join("\n\n", descriptions);
        }
    }
}
