namespace DocService.Exchange.Model;

/// <summary>Processing status a receiver reports back to the sender of a document.</summary>
public enum StatusCode
{
    Arrived = 1, // đã đến
    Refused = 2, // từ chối tiếp nhận (reason required)
    Accepted = 3, // đã tiếp nhận
    Assigned = 4, // phân công
    Processing = 5, // đang xử lý
    Completed = 6, // hoàn thành
    RevokeRequested = 13, // lấy lại
    RevokeAgreed = 15, // đồng ý lấy lại
    RevokeRefused = 16, // từ chối lấy lại
}

/// <summary>A status package answering <see cref="ResponseFor"/>.</summary>
public sealed record StatusPackage : EdXmlMessage
{
    public StatusPackage(
        Organization from, ResponseFor responseFor, StatusCode code, string? description, DateTimeOffset timestamp,
        StaffInfo? staffInfo = null)
    {
        if (!Enum.IsDefined(code))
            throw new ArgumentOutOfRangeException(nameof(code), code, "Not a QCVN 102 status code.");
        if (code == StatusCode.Refused && string.IsNullOrWhiteSpace(description))
            throw new ArgumentException("A refusal (status 02) must give its reason.", nameof(description));
        From = from;
        ResponseFor = responseFor;
        Code = code;
        Description = description;
        Timestamp = timestamp;
        StaffInfo = staffInfo;
    }

    public Organization From { get; init; }
    public ResponseFor ResponseFor { get; init; }
    public StatusCode Code { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public StaffInfo? StaffInfo { get; init; }

    public override Organization Sender => From;

    /// <summary>The organ the status goes back to: the sender of the document answered.</summary>
    public string Recipient => ResponseFor.OrganId;

    /// <summary>The two-digit form used on the wire: <c>02</c>, <c>13</c>.</summary>
    public static string Format(StatusCode code) => ((int)code).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
