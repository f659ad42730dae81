namespace DocService.Benchmarks.Load;

/// <summary>What one load phase measured: completions, failures by status, throughput and latency percentiles.</summary>
public sealed record LoadResult(string Name, string Mode, int Completed, IReadOnlyDictionary<string, int> Failures,
    double Seconds, double P50Ms, double P99Ms, double MaxMs, double ServerCpuSeconds)
{
    public double Throughput => Completed / Seconds;

    public double CpuMsPerRequest => Completed == 0 ? 0 : ServerCpuSeconds * 1000 / Completed;

    public static LoadResult From(string name, string mode, IReadOnlyList<double> latenciesMs, IReadOnlyDictionary<string, int> failures,
        double seconds, double serverCpuSeconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LoadResult(name, mode, sorted.Length, failures, seconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], serverCpuSeconds);
    }

    static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public string FailureText => Failures.Count == 0 ? "-" : string.Join(" ", Failures.Select(f => $"{f.Key}×{f.Value}"));
}
