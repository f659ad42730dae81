using DocService.Web.Api;
using DocService.Web.Localization;
using DocService.Web.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DocService.Web;

/// <summary>What the pages need besides pages: signing in and out, the language switch, and files relayed from the API.</summary>
static class WebEndpoints
{
    static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(WebSession.SignInPath, SignInAsDemoOfficial).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/dang-xuat", async (HttpContext http) =>
        {
            await http.SignOutAsync(WebSession.Scheme);
            return Results.LocalRedirect(WebSession.SignInPath);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ngon-ngu/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(UiLanguage.Cookie, code == UiLanguage.English ? UiLanguage.English : UiLanguage.Vietnamese,
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/tep/{**path}", RelayFile).RequireAuthorization(WebSession.Policy).ExcludeFromDescription();
    }

    static async Task<IResult> SignInAsDemoOfficial([FromForm] string user, HttpContext http, IServiceProvider services)
    {
        if (services.GetService(typeof(IDevelopmentSignIn)) is not IDevelopmentSignIn development)
            return Results.NotFound();
        var official = development.Officials.FirstOrDefault(o => o.UserName == user);
        if (official is null)
            return Results.LocalRedirect(WebSession.SignInPath);
        await WebSession.SignInAsync(http, official, development.TokenFor(official, SessionLifetime), DateTimeOffset.UtcNow + SessionLifetime);
        return Results.LocalRedirect("/");
    }

    /// <summary>
    /// PDFs, reports and signed versions for the browser: a GET under <c>/api/v1</c> made with the session's token and
    /// streamed back as it comes. Only reads pass here; every change goes through a page's form.
    /// </summary>
    static async Task RelayFile(string path, HttpContext http, ApiClient api)
    {
        using var response = await api.GetRawAsync("api/v1/" + path + http.Request.QueryString, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
            http.Response.ContentType = type.ToString();
        if (response.Content.Headers.ContentDisposition is { } disposition)
            http.Response.Headers.ContentDisposition = disposition.ToString();
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    static bool IsLocal(string? url) => url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
