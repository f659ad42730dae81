namespace DocService.Exchange.Transport;

/// <summary>Where the axis is and who we are to it.</summary>
public sealed record VdxpOptions
{
    /// <summary>Base address; operations are posted to <c>{Endpoint}/{operation}</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The organ we act for (<c>from</c> header).</summary>
    public required string OrganId { get; init; }

    public required string SystemId { get; init; }

    public required string Secret { get; init; }

    /// <summary>Attempts per operation, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);
}
