using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs everything; `--job short --filter '*Lock*'` a quick subset.
// `dotnet run -c Release -- sizes` prints the bytes per message of the cluster protocol serializer and of Akka's JSON one.
// `dotnet run -c Release -- memory [count]` measures the memory of idle named primitives instead (default 1,000,000).
// `dotnet run -c Release -- durable-queue [items]` prints a durable queue's acknowledged puts per second (SQLite, and
// PostgreSQL when ACTORS_TEST_POSTGRES is set) and its recovery time with [items] queued (default 1,000,000).
if (args is ["memory", ..])
{
    await Actors.Benchmarks.IdlePrimitivesMemory.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1_000_000);
    return;
}

if (args is ["durable-queue", ..])
{
    await Actors.Benchmarks.DurableQueueFigures.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1_000_000);
    return;
}

// `dotnet run -c Release -- durability [count] [memory]` measures what persistence costs: lock cycles and idle durable
// locks (default 1,000,000), or only the latter.
if (args is ["durability", ..])
{
    await Actors.Benchmarks.DurabilityFigures.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1_000_000, args is [_, _, "memory", ..]);
    return;
}

if (args is ["sizes", ..])
{
    await Actors.Benchmarks.SerializerSizes.PrintAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
