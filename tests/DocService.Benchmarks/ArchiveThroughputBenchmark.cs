extern alias api;

using System.Security.Cryptography;
using api::DocService.Api.Infrastructure.Storage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Minio;
using Minio.DataModel.Args;
using Minio.DataModel.ObjectLock;

namespace DocService.Benchmarks;

/// <summary>
/// Archives 1,000 one-megabyte documents through <see cref="S3ObjectStore"/> (existence check, SHA-256,
/// COMPLIANCE lock, check that the server holds it) beside a plain SDK upload of the same bytes to the same
/// lock-enabled bucket. Target (issue 8): the store's overhead stays under 20 % (Ratio under 1.20).
/// Needs the S3 server the test command starts; every object written stays locked (in the OSD's RAM), so one
/// iteration each, and room for the 3 GB they write:
/// <code>
/// e=$(mktemp); DOCSERVICE_S3_MEMSTORE_BYTES=6442450944 scripts/services.sh start $e; set -a; . $e; set +a
/// dotnet run -c Release --project tests/DocService.Benchmarks -- --filter '*ArchiveThroughput*'
/// scripts/services.sh stop
/// </code>
/// </summary>
[Config(typeof(Config))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ArchiveThroughputBenchmark
{
    public const int Documents = 1000;
    public const int DocumentBytes = 1024 * 1024;

    readonly byte[] _document = RandomNumberGenerator.GetBytes(DocumentBytes);
    S3ObjectStore _store = null!;
    IMinioClient _sdk = null!;
    string _run = "";

    [GlobalSetup]
    public void Setup()
    {
        var options = new S3StorageOptions
        {
            Endpoint = Required("S3_ENDPOINT"),
            AccessKey = Required("S3_ACCESS_KEY"),
            SecretKey = Required("S3_SECRET_KEY"),
            Region = Required("S3_REGION"),
            Bucket = $"docservice-bench-{Guid.NewGuid():N}"[..32],
        };
        _store = new S3ObjectStore(options, new RetentionPolicy(), TimeProvider.System);
        _store.EnsureBucketAsync(CancellationToken.None).GetAwaiter().GetResult();
        _sdk = options.CreateClient();
        _run = Guid.NewGuid().ToString("N");
        // One of each first, so connection set-up and JIT are not in the measured iteration.
        _store.PutAsync($"warm/{_run}/store", new MemoryStream(_document), RetentionClass.Years5, CancellationToken.None).GetAwaiter().GetResult();
        PlainPutAsync($"warm/{_run}/plain").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Documents, Description = "plain SDK PutObject")]
    public async Task PlainSdkUpload()
    {
        for (var i = 0; i < Documents; i++)
            await PlainPutAsync($"plain/{_run}/{i:D4}.pdf");
    }

    /// <summary>What the server itself charges for the lock, apart from anything the store does.</summary>
    [Benchmark(OperationsPerInvoke = Documents, Description = "plain SDK PutObject + COMPLIANCE lock")]
    public async Task PlainSdkUploadWithLock()
    {
        var until = DateTime.UtcNow.AddYears(5);
        for (var i = 0; i < Documents; i++)
            await _sdk.PutObjectAsync(PlainPut($"locked/{_run}/{i:D4}.pdf")
                .WithRetentionConfiguration(new ObjectRetentionConfiguration(until, ObjectRetentionMode.COMPLIANCE)), CancellationToken.None);
    }

    [Benchmark(OperationsPerInvoke = Documents, Description = "S3ObjectStore.PutAsync (hash + lock)")]
    public async Task ArchiveThroughStore()
    {
        for (var i = 0; i < Documents; i++)
            await _store.PutAsync($"store/{_run}/{i:D4}.pdf", new MemoryStream(_document), RetentionClass.Years5, CancellationToken.None);
    }

    Task PlainPutAsync(string key) => _sdk.PutObjectAsync(PlainPut(key), CancellationToken.None);

    PutObjectArgs PlainPut(string key) =>
        new PutObjectArgs().WithBucket(_store.Bucket).WithObject(key)
            .WithStreamData(new MemoryStream(_document)).WithObjectSize(DocumentBytes)
            .WithContentType("application/octet-stream");

    static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: start the S3 server with scripts/services.sh (see the class comment).");

    sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn("Objects/s", "Documents archived per second", perSecond => perSecond));
            AddColumn(new ThroughputColumn("MB/s", "Megabytes (10^6 bytes) archived per second", perSecond => perSecond * DocumentBytes / 1e6));
        }
    }

    /// <summary>Turns the mean time per document into a rate.</summary>
    sealed class ThroughputColumn(string name, string legend, Func<double, double> fromObjectsPerSecond) : IColumn
    {
        public string Id => $"{nameof(ThroughputColumn)}.{name}";
        public string ColumnName => name;
        public string Legend => legend;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats
                ? fromObjectsPerSecond(1e9 / stats.Mean).ToString("N1")
                : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    }
}
