namespace DocService.Api.Infrastructure.Exchange;

/// <summary><c>Axis:*</c>: where the national document connection axis is, who we are to it, and the workers' pace.</summary>
public sealed class ExchangeOptions
{
    public const string Section = "Axis";

    /// <summary>Runs the dispatch and receive workers in this process. Off, dispatched documents wait in the outbox.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The wire protocol: <c>SDKVXP</c>, the Government Office SDK's, which the national axis and every simulator of it
    /// speak (the default and the only one: our former signed-canonical variant was spoken by nothing but ourselves).
    /// Named so that a configuration written for another protocol is refused at start-up rather than misread.
    /// </summary>
    public string Protocol { get; set; } = DocService.Exchange.Transport.VdxpProtocol.Name;

    public Uri? Endpoint { get; set; }
    public string SystemId { get; set; } = "";
    public string Secret { get; set; } = "";

    /// <summary>The organs this system speaks for on the axis; each is polled for its packages.</summary>
    public List<string> OrganIds { get; set; } = [];

    /// <summary>How often the workers look for work when they found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts per axis call inside the transport (its own short retries), the first included.</summary>
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The archive worker's backoff rule, with this section's bounds.</summary>
    public TimeSpan Backoff(int failedAttempts, Random random) =>
        new Archive.ArchiveOptions { InitialBackoff = InitialBackoff, MaxBackoff = MaxBackoff }.Backoff(failedAttempts, random);
}
