using Microsoft.OpenApi;

namespace DocService.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static IServiceCollection AddDocServiceOpenApi(this IServiceCollection services) =>
        services.AddEndpointsApiExplorer().AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "DocService",
                Version = "v1",
                Description = "Official documents end to end: drafting, review, PAdES signing, issuing, archiving and exchange over the national document axis.",
            });
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with `sub`, `organ` and `role` claims. In development: `docsvc dev-token --user U --organ CODE --roles r1,r2`.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
            options.CustomSchemaIds(type => type.FullName!.Replace("DocService.Api.Features.", "").Replace('+', '.'));
            options.ResolveConflictingActions(ContentTypeAlternatives.Resolve);
            options.OperationFilter<ContentTypeAlternatives.OperationFilter>();
        });

    public static WebApplication UseDocServiceOpenApi(this WebApplication app)
    {
        app.UseSwagger(options => options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(options => options.SwaggerEndpoint(DocumentPath, "DocService v1"));
        return app;
    }
}
