using System.Security.Cryptography;
using System.Text;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// How a receiver knows a body came from us unchanged: <c>X-DocService-Signature: sha256=</c> and the lower-case hex
/// HMAC-SHA256 of the body's bytes under the organ's webhook secret (the form GitHub's webhooks use, which receivers
/// know). The delivery id in the body lets a receiver drop a repeated delivery.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-DocService-Signature";
    public const string EventHeader = "X-DocService-Event";
    public const string DeliveryHeader = "X-DocService-Delivery";

    public static string Sign(ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public static string Sign(string body, string secret) => Sign(Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(secret));
}
