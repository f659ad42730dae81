using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DocService.Benchmarks -- --filter '*Draft*'   (one benchmark class by name;
// add `--job short` for a quick run, `--list flat` to see them all). Each class says what it measures and its target.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
