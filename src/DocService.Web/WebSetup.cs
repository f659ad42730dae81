using DocService.Web.Api;
using DocService.Web.Components;
using DocService.Web.Localization;
using DocService.Web.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Web;

/// <summary>The web application for officials, clerks, auditors and admins, served by the service's own host at <c>/</c>.</summary>
public static class WebSetup
{
    public static IServiceCollection AddDocServiceWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAuthentication().AddCookie(WebSession.Scheme, options =>
        {
            options.Cookie.Name = "docservice.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = WebSession.SignInPath;
            options.LogoutPath = "/dang-xuat";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = false;
        });
        services.AddAuthorizationBuilder().AddPolicy(WebSession.Policy, policy =>
            policy.AddAuthenticationSchemes(WebSession.Scheme).RequireAuthenticatedUser());
        services.AddHttpContextAccessor();
        services.AddSingleton<ApiAddress>();
        services.AddScoped<UiLanguage>();
        services.AddHttpClient<ApiClient>();
        return services;
    }

    public static WebApplication MapDocServiceWeb(this WebApplication app)
    {
        var maxUploadBytes = app.Configuration.GetValue<long?>("Documents:MaxUploadBytes") ?? 100 * 1024 * 1024;
        // The API's form endpoints take bearer tokens, which no other site can send, so only the pages need antiforgery.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), web =>
        {
            web.Use((http, next) =>
            {
                // A page's form may carry a PDF: the host's 1 MB default is for JSON bodies.
                if (HttpMethods.IsPost(http.Request.Method) && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = maxUploadBytes + 64 * 1024;
                return next(http);
            });
            web.UseAntiforgery();
        });

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().RequireAuthorization(WebSession.Policy);
        WebEndpoints.Map(app);
        return app;
    }
}
