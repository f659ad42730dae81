using System.Globalization;

namespace DocService.Exchange.Transport;

/// <summary>Values in the axis's lists whose format no published answer fixes, read leniently.</summary>
public static class AxisValues
{
    static readonly string[] LocalFormats =
        ["dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>
    /// A time in any of the forms integrations show: ISO 8601 with an offset, the SDK's timestamp, Unix milliseconds,
    /// or a local date and time (read as Vietnam time). In UTC; null when none fits.
    /// </summary>
    public static DateTimeOffset? Parse(string? value) => ParseAnyOffset(value)?.ToUniversalTime();

    static DateTimeOffset? ParseAnyOffset(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (VdxpProtocol.TryParseTimestamp(value, out var sdk))
            return sdk;
        if (value.All(char.IsAsciiDigit) && value.Length >= 12 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, TimeSpan.FromHours(7));
        if ((value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;
        return null;
    }

    /// <summary>
    /// Our reading of a recipient's <c>receiveStatus</c> (what it reported with <c>updateStatus</c>): <c>done</c> (or
    /// success) is done, <c>fail</c> failed, the handling words (inbox, acceptance, rejection, processing) mean it has
    /// the package; nothing yet is pending, unless the axis itself failed to pass it on (<c>sendStatus</c> fail).
    /// </summary>
    public static DeliveryState Delivery(string? receiveStatus, string? sendStatus)
    {
        switch (receiveStatus?.Trim().ToLowerInvariant())
        {
            case "done" or "success" or "completed":
                return DeliveryState.Done;
            case "fail" or "failed" or "error":
                return DeliveryState.Failed;
            case "inbox" or "acceptance" or "rejection" or "processing" or "received" or "delivered":
                return DeliveryState.Delivered;
        }
        return sendStatus?.Trim().ToLowerInvariant() is "fail" or "failed" or "error" ? DeliveryState.Failed : DeliveryState.Pending;
    }
}
