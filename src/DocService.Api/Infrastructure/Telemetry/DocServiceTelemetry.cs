using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DocService.Api.Infrastructure.Telemetry;

/// <summary>
/// The service's own spans and instruments (source and meter <c>DocService</c>), beside what ASP.NET Core,
/// HttpClient and EF Core report. Prometheus names them with underscores: <c>docservice_signatures_total</c>,
/// <c>docservice_signature_duration_seconds</c>, <c>docservice_queue_depth</c>.
/// </summary>
public static class DocServiceTelemetry
{
    public const string Name = "DocService";

    public static readonly ActivitySource Source = new(Name);
    static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Signatures = Meter.CreateCounter<long>("docservice.signatures", description: "Signatures made, by PAdES level and outcome.");
    public static readonly Histogram<double> SignatureDuration = Meter.CreateHistogram<double>("docservice.signature.duration", "s", "Time to sign a revision, timestamps and LTV included.");
    public static readonly Counter<long> Verifications = Meter.CreateCounter<long>("docservice.verifications", description: "PDF validations, by indication and outcome.");
    public static readonly Histogram<double> VerificationDuration = Meter.CreateHistogram<double>("docservice.verification.duration", "s", "Time to validate a PDF's signatures.");
    public static readonly Counter<long> DependencyFailures = Meter.CreateCounter<long>("docservice.dependency.failures", description: "Failed calls to revocation services (OCSP/CRL) and timestamping authorities.");

    static readonly Dictionary<string, (int Depth, double OldestAge)> NoQueues = [];
    static Func<IReadOnlyDictionary<string, (int Depth, double OldestAge)>> _queues = () => NoQueues;

    static DocServiceTelemetry()
    {
        Meter.CreateObservableGauge("docservice.queue.depth", () => _queues().Select(q => new Measurement<int>(q.Value.Depth, Tags(q.Key))),
            description: "Jobs waiting in the archive and outbox queues, by state.");
        Meter.CreateObservableGauge("docservice.queue.oldest_age", () => _queues().Select(q => new Measurement<double>(q.Value.OldestAge, Tags(q.Key))),
            unit: "s", description: "Age of the oldest job in each queue and state (0 when there is none).");
    }

    /// <summary>The queues' last sample (keys <c>queue/state</c>), read whenever the gauges are collected.</summary>
    internal static void ObserveQueues(Func<IReadOnlyDictionary<string, (int Depth, double OldestAge)>> sample) => _queues = sample;

    static KeyValuePair<string, object?>[] Tags(string key)
    {
        var (queue, state) = (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
        return [new("queue", queue), new("state", state)];
    }

    /// <summary>A span, and optionally a count and a duration, for one unit of work; <see cref="TimedOperation.Succeeded"/> marks it done.</summary>
    public static TimedOperation Start(string operation, Counter<long>? count = null, Histogram<double>? duration = null) =>
        new(Source.StartActivity(operation), count, duration);
}

/// <summary>Ends its span when disposed and records the outcome: <c>ok</c> when it succeeded, <c>error</c> otherwise.</summary>
public sealed class TimedOperation : IDisposable
{
    readonly long _started = Stopwatch.GetTimestamp();
    readonly Counter<long>? _count;
    readonly Histogram<double>? _duration;
    TagList _tags;
    bool _succeeded;

    internal TimedOperation(Activity? activity, Counter<long>? count, Histogram<double>? duration) =>
        (Activity, _count, _duration) = (activity, count, duration);

    public Activity? Activity { get; }

    /// <summary>A tag on the span and on the measurements; keep its values few (a level, an indication), never an id.</summary>
    public TimedOperation Tag(string name, object? value)
    {
        _tags.Add(name, value);
        Activity?.SetTag(name, value);
        return this;
    }

    public void Succeeded() => _succeeded = true;

    public void Dispose()
    {
        var tags = _tags;
        tags.Add("outcome", _succeeded ? "ok" : "error");
        _count?.Add(1, tags);
        _duration?.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        Activity?.SetStatus(_succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        Activity?.Dispose();
    }
}
