namespace DocService.Api.Infrastructure.Archive;

/// <summary><c>Archive:*</c>: the worker's pace, and which retention class each type of document gets.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Runs the worker in this process; turn off on nodes that should only serve requests.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for due jobs when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed job stays with its worker; a worker that dies lets it go after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The delay after the first failure, doubled after each further one up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Jobs claimed per round.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>
    /// Document type name (tên loại, compared without regard to case) → retention class name; merged over
    /// <see cref="RetentionSchedule.Defaults"/>. Types not listed get <see cref="DefaultRetention"/>.
    /// </summary>
    public Dictionary<string, string> RetentionByType { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string DefaultRetention { get; set; } = "Permanent";

    /// <summary>Certificates (PEM or DER files) the validation report in each package treats as trust anchors.</summary>
    public List<string> TrustAnchorFiles { get; set; } = [];

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1: exponential, capped, with equal jitter.</summary>
    public TimeSpan Backoff(int failedAttempts, Random random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent));
        // Half fixed, half random: nodes that failed together do not all come back in the same instant.
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
