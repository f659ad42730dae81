using DocService.Signing.Keys;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Keys;

/// <summary>
/// <c>Keys:ProtectionKey</c>: the AES-256-GCM key that seals every held PKCS#12 and webhook secret.
/// <c>Keys:PreviousProtectionKeys</c>: keys being rotated out, comma-separated, that still open what they sealed.
/// </summary>
public sealed class KeysOptions
{
    public const string Section = "Keys";
    public const string ProtectionKeyName = "Keys:ProtectionKey";
    public const string PreviousProtectionKeysName = "Keys:PreviousProtectionKeys";

    public string? ProtectionKey { get; set; }

    public string? PreviousProtectionKeys { get; set; }
}

/// <summary>
/// Without the key, key upload and server-side signing would fail at their first use; with a malformed one
/// they would fail the same way. Neither message says anything about the key beyond its length.
/// </summary>
sealed class KeysOptionsValidator : IValidateOptions<KeysOptions>
{
    public ValidateOptionsResult Validate(string? name, KeysOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ProtectionKey))
            return ValidateOptionsResult.Fail($"{KeysOptions.ProtectionKeyName} is not set: give a base64 32-byte key from your secret store (generate one with: openssl rand -base64 32).");
        var bytes = new byte[options.ProtectionKey.Length];
        if (!Convert.TryFromBase64String(options.ProtectionKey.Trim(), bytes, out var length))
            return ValidateOptionsResult.Fail($"{KeysOptions.ProtectionKeyName} is not valid base64.");
        if (length != KeyProtector.KeySize)
            return ValidateOptionsResult.Fail($"{KeysOptions.ProtectionKeyName} decodes to {length} bytes; AES-256-GCM needs {KeyProtector.KeySize}.");
        var previous = (options.PreviousProtectionKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < previous.Length; i++)
        {
            var decoded = new byte[previous[i].Length];
            if (!Convert.TryFromBase64String(previous[i], decoded, out var previousLength) || previousLength != KeyProtector.KeySize)
                return ValidateOptionsResult.Fail($"{KeysOptions.PreviousProtectionKeysName}: key {i + 1} is not a base64 {KeyProtector.KeySize}-byte key.");
        }
        return ValidateOptionsResult.Success;
    }
}

public static class KeysSetup
{
    public static IServiceCollection AddDocServiceKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeysOptions>().Bind(configuration.GetSection(KeysOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeysOptions>, KeysOptionsValidator>();
        return services.AddSingleton<KeyVault>();
    }
}
