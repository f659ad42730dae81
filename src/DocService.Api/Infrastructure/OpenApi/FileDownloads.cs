using DocService.Api.Infrastructure.Reports;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DocService.Api.Infrastructure.OpenApi;

/// <summary>
/// A report declared with its JSON schema and its file types (<see cref="ExportFormats.FileMediaTypes"/>): the files
/// are bytes, not that schema, so the document says so.
/// </summary>
public sealed class FileDownloads : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
            return;
        foreach (var response in operation.Responses.Values)
        {
            foreach (var mediaType in ExportFormats.FileMediaTypes)
            {
                if (response.Content?.ContainsKey(mediaType) == true)
                    response.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }
    }
}
