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
            options.CustomSchemaIds(SchemaId);
            // The XML comments of the host and the libraries whose types appear in answers become descriptions.
            foreach (var xml in Directory.GetFiles(AppContext.BaseDirectory, "DocService.*.xml"))
                options.IncludeXmlComments(xml);
            options.ResolveConflictingActions(ContentTypeAlternatives.Resolve);
            options.OperationFilter<ContentTypeAlternatives.OperationFilter>();
            options.OperationFilter<FileDownloads>();
        });

    /// <summary>
    /// A component name validators accept (<c>^[a-zA-Z0-9._-]+$</c>): the type's name below the Features namespace, and for
    /// a generic its arguments' names after an underscore (<c>DocService.Api.Infrastructure.Http.PageOf_Documents.ListDocuments.Summary</c>)
    /// instead of the CLR's <c>PageOf`1[[…, Version=…]]</c>.
    /// </summary>
    public static string SchemaId(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var name = definition.FullName!.Replace("DocService.Api.Features.", "").Replace('+', '.');
        if (!type.IsGenericType)
            return name;
        return name[..name.IndexOf('`')] + "_" + string.Join("_", type.GetGenericArguments().Select(SchemaId));
    }

    /// <summary>Serves the document and Swagger UI (<c>OpenApi:Enabled</c>): on by default, off in Production unless configured.</summary>
    public const string EnabledSetting = "OpenApi:Enabled";

    /// <summary>
    /// A production instance describes its whole surface to anyone who asks only when its operator chose so; the
    /// published contract is api-spec/openapi.json.
    /// </summary>
    public static WebApplication UseDocServiceOpenApi(this WebApplication app)
    {
        if (!app.Configuration.GetValue(EnabledSetting, !app.Environment.IsProduction()))
            return app;
        app.UseSwagger(options => options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(options => options.SwaggerEndpoint(DocumentPath, "DocService v1"));
        return app;
    }
}
