using BenchmarkDotNet.Running;
using DocService.Benchmarks.Load;

// dotnet run -c Release --project tests/DocService.Benchmarks -- --filter '*Draft*'   (one benchmark class by name;
// add `--job short` for a quick run, `--list flat` to see them all). Each class says what it measures and its target.
// `-- load …` runs the HTTP load script against the service as a process (Load/LoadProgram.cs says how).
return args.FirstOrDefault() switch
{
    "load" => await LoadProgram.RunAsync(args[1..]),
    "echo-server" => await RunEchoServerAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static async Task<int> RunEchoServerAsync(string[] args)
{
    await EchoServer.RunAsync(args);
    return 0;
}

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
