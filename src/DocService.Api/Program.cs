using DocService.Api.Features;
using DocService.Api.Infrastructure;
using DocService.Api.Infrastructure.Health;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.OpenApi;
using DocService.Api.Infrastructure.Startup;
using DocService.Api.Infrastructure.Telemetry;
using DocService.Api.Infrastructure.Web;
using DocService.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddDocService();
builder.AddDocServiceWebApp();

var app = builder.Build();
app.UseExceptionHandler();
app.UseRequestSizeLimits();
app.UseStatusCodePages();
app.UseDocServiceOpenApi();
app.UseDocServiceMetrics();
app.UseAuthentication();
app.UseAuthorization();
app.UseDocServiceRateLimits();
app.UseIdempotentRequestBuffering();
app.MapDocServiceHealth();
app.MapDocServiceApi();
app.MapDocServiceWeb();
return await app.RunCheckedAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
