using Microsoft.Net.Http.Headers;

namespace DocService.Api.Infrastructure.Http;

public enum Language
{
    English,
    Vietnamese,
}

/// <summary>
/// The language a caller asks for in <c>Accept-Language</c>: Vietnamese for <c>vi</c> and any <c>vi-*</c>, English for
/// <c>en</c> and <c>en-*</c>, whichever has the higher quality; null when the header names neither.
/// </summary>
public static class RequestLanguage
{
    public static Language? Preferred(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList([.. request.Headers.AcceptLanguage.OfType<string>()], out var ranges))
            return null;
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (tag.Equals("vi", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("vi-", StringComparison.OrdinalIgnoreCase))
                return Language.Vietnamese;
            if (tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
                return Language.English;
        }
        return null;
    }
}
