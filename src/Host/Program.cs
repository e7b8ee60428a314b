using System.CommandLine;
using Actors.Host.Compare;
using Actors.Host.Demos;

// With no arguments the host runs `compare` at its default size; `demo` runs the tutorial's scenarios.
var nameArgument = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "The demo to run, or 'all'." };
var listOption = new Option<bool>("--list") { Description = "List the demos." };
var timeScaleOption = new Option<double>("--time-scale")
{
    Description = "Real seconds per second of the tutorial's sleeps.",
    DefaultValueFactory = _ => DemoSettings.DefaultTimeScale,
    Recursive = true,
};
var unsafeOption = new Option<bool>("--unsafe") { Description = "mutex: also run without the lock, on shared memory, to show lost updates." };
var orderedOption = new Option<bool>("--ordered") { Description = "deadlock-transfer: take the locks in a global order." };

var liveOption = new Option<bool>("--live") { Description = "Show every primitive of the demo (holders, waiters, queue depths), refreshed while it runs." };

var demoCommand = new Command("demo", "Run one of the tutorial's scenarios on actors.") { nameArgument, listOption, unsafeOption, orderedOption, liveOption };
demoCommand.SetAction(async (parse, cancellation) =>
{
    if (parse.GetValue(listOption))
    {
        foreach (var demo in DemoCatalog.All) Console.WriteLine($"{demo.Name,-20} {demo.Title}");
        return 0;
    }

    var name = parse.GetValue(nameArgument) ?? "all";
    var selected = name == "all" ? DemoCatalog.All : DemoCatalog.Find(name) is { } one ? [one] : null;
    if (selected is null)
    {
        Console.Error.WriteLine($"No demo called '{name}'. 'demo --list' lists them.");
        return 2;
    }

    var settings = new DemoSettings { TimeScale = parse.GetValue(timeScaleOption), Unsafe = parse.GetValue(unsafeOption), Ordered = parse.GetValue(orderedOption), Live = parse.GetValue(liveOption) };
    if (settings.TimeScale <= 0)
    {
        Console.Error.WriteLine("--time-scale must be positive.");
        return 2;
    }

    await DemoRunner.RunAsync(selected, settings, Console.Out, cancellation);
    return 0;
});

var quickOption = new Option<bool>("--quick") { Description = "compare: small sizes, about 15 s." };
var fullOption = new Option<bool>("--full") { Description = "compare: big sizes and more runs, several minutes." };
var sizeOption = new Option<string?>("--size") { Description = "compare: tiny, quick, default or full." };
var reportsOption = new Option<string>("--reports") { Description = "compare: directory of the report files.", DefaultValueFactory = _ => "reports" };
var noPythonOption = new Option<bool>("--no-python") { Description = "compare: skip the CPython column." };
var onlyOption = new Option<string[]>("--only") { Description = "compare: run only these scenarios.", AllowMultipleArgumentsPerToken = true };

async Task<int> RunCompareAsync(ParseResult parse, CancellationToken cancellation)
{
    var name = parse.GetValue(sizeOption) ?? (parse.GetValue(fullOption) ? "full" : parse.GetValue(quickOption) ? "quick" : "default");
    if (CompareSizes.ByName(name) is not { } sizes)
    {
        Console.Error.WriteLine($"No size called '{name}': tiny, quick, default or full.");
        return 2;
    }
    var only = parse.GetValue(onlyOption) is { Length: > 0 } names ? names : null;
    var unknown = only?.Where(n => CompareRunner.Scenarios.All(s => s.Name != n)).ToList();
    if (unknown is { Count: > 0 })
    {
        Console.Error.WriteLine($"No scenario called {string.Join(", ", unknown)}: {string.Join(", ", CompareRunner.Scenarios.Select(s => s.Name))}.");
        return 2;
    }
    var options = new CompareOptions { Sizes = sizes, ReportDirectory = parse.GetValue(reportsOption)!, RunPython = !parse.GetValue(noPythonOption), Only = only };
    var (report, _) = await CompareRunner.RunAsync(options, Console.Out, cancellation);
    // A wrong result is a failure, not a slow row.
    return report.AllCorrect ? 0 : 1;
}

var compareCommand = new Command("compare", "Run each scenario with shared memory, coordinator actors, actor-native messages and CPython; report speed and latency.")
{
    quickOption, fullOption, sizeOption, reportsOption, noPythonOption, onlyOption,
};
compareCommand.SetAction(RunCompareAsync);

// The root takes the comparison's options too, so that the default run can be sized: `Actors.Host --quick`.
var root = new RootCommand("Python's threading tutorial rebuilt on Akka.NET coordinator actors.")
{
    demoCommand, compareCommand, timeScaleOption, quickOption, fullOption, sizeOption, reportsOption, noPythonOption, onlyOption,
};
root.SetAction(RunCompareAsync);

return await root.Parse(args).InvokeAsync();
