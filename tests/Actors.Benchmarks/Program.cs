using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs everything; `--job short --filter '*Lock*'` a quick subset.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
