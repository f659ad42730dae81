namespace DocService.Api.Infrastructure.Notifications;

/// <summary><c>Notifications:*</c>: the webhook worker's pace, its retries, and how early a deadline is announced.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Runs the webhook worker (deliveries and the deadline scan) in this process.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An open document is "due soon" from this many days before its due date.</summary>
    public int DueSoonDays { get; set; } = 2;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts (about a day with the default backoff) a delivery is given up.</summary>
    public int MaxAttempts { get; set; } = 30;

    public int BatchSize { get; set; } = 20;

    /// <summary>Lets an admin register a plain-HTTP endpoint on another host (loopback is always allowed); off, only HTTPS.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Where e-mail goes out; without a host, no e-mail is written.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The archive worker's backoff rule, with this section's bounds.</summary>
    public TimeSpan Backoff(int failedAttempts, Random random) =>
        new Archive.ArchiveOptions { InitialBackoff = InitialBackoff, MaxBackoff = MaxBackoff }.Backoff(failedAttempts, random);
}

/// <summary><c>Notifications:Smtp:*</c>: the organ's mail relay. Officials with an e-mail address hear of their assignments and deadlines.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string From { get; set; } = "";
    public string FromName { get; set; } = "DocService";
    public string? UserName { get; set; }
    /// <summary>From the secret store.</summary>
    public string? Password { get; set; }
    /// <summary>StartTls (the default, required), SslOnConnect, or None for a relay on the same host.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
