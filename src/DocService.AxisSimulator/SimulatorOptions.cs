namespace DocService.AxisSimulator;

/// <summary>A connected system (one agency's document software) and the organs it speaks for.</summary>
public sealed class AxisSystem
{
    public string SystemId { get; set; } = "";
    public string Secret { get; set; } = "";
    public List<string> OrganIds { get; set; } = [];
}

/// <summary>Section <c>Axis</c>.</summary>
public sealed class AxisOptions
{
    public List<AxisSystem> Systems { get; set; } = [];
    public long MaxPackageBytes { get; set; } = 300L * 1024 * 1024;

    /// <summary>Made-up agencies added to the directory beside the connected organs (the real one lists over 111,000).</summary>
    public int GeneratedAgencies { get; set; }
}

/// <summary>
/// Section <c>Faults</c>: what a real axis does on a bad day. Rates are probabilities per request
/// (0–1) drawn from one random seeded by <see cref="Seed"/>, so a failing test can be replayed.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>The request is processed but its answer is lost (the connection is cut).</summary>
    public double DropRate { get; set; }

    /// <summary>An acknowledged package is offered again once (at-least-once delivery).</summary>
    public double DuplicateRate { get; set; }

    /// <summary>HTTP 500 before anything is processed.</summary>
    public double Http500Rate { get; set; }

    /// <summary>Delay before answering, applied with probability <see cref="DelayRate"/>.</summary>
    public int DelayMs { get; set; }

    public double DelayRate { get; set; } = 1;

    /// <summary>Lists come back in random order rather than by arrival.</summary>
    public bool Reorder { get; set; }

    public int? Seed { get; set; }
}
