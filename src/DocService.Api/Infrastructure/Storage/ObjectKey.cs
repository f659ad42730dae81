using System.Text.RegularExpressions;

namespace DocService.Api.Infrastructure.Storage;

/// <summary>Keys are relative paths of safe segments: no traversal, no absolute paths, no surprises on any store.</summary>
public static partial class ObjectKey
{
    public static string Validate(string key)
    {
        if (key.Length is 0 or > 400 || !SafeKey().IsMatch(key) || key.Split('/').Any(s => s is "." or ".."))
            throw new ArgumentException($"'{key}' is not a valid object key.", nameof(key));
        return key;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")]
    private static partial Regex SafeKey();
}
