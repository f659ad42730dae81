using DocService.Web;
using DocService.Web.Session;

namespace DocService.Api.Infrastructure.Web;

public static class WebHosting
{
    /// <summary>The web application, with the demo sign-in wherever the demo data is seeded and dev tokens are accepted.</summary>
    public static WebApplicationBuilder AddDocServiceWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddDocServiceWeb();
        var devKey = builder.Configuration["Auth:DevSigningKey"];
        if (!string.IsNullOrEmpty(devKey) && builder.Configuration.GetValue<bool>("Seed:DemoData"))
            builder.Services.AddSingleton<IDevelopmentSignIn>(sp => new DevelopmentSignIn(devKey, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
