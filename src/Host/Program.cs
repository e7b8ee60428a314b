using System.CommandLine;
using Actors.Host.Demos;

// Until the comparison lands, running the host with no arguments runs every demo.
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

var demoCommand = new Command("demo", "Run one of the tutorial's scenarios on actors.") { nameArgument, listOption, unsafeOption, orderedOption };
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

    var settings = new DemoSettings { TimeScale = parse.GetValue(timeScaleOption), Unsafe = parse.GetValue(unsafeOption), Ordered = parse.GetValue(orderedOption) };
    if (settings.TimeScale <= 0)
    {
        Console.Error.WriteLine("--time-scale must be positive.");
        return 2;
    }

    await DemoRunner.RunAsync(selected, settings, Console.Out, cancellation);
    return 0;
});

var root = new RootCommand("Python's threading tutorial rebuilt on Akka.NET coordinator actors.") { demoCommand, timeScaleOption };
root.SetAction(async (parse, cancellation) =>
{
    await DemoRunner.RunAsync(DemoCatalog.All, new DemoSettings { TimeScale = parse.GetValue(timeScaleOption) }, Console.Out, cancellation);
    return 0;
});

return await root.Parse(args).InvokeAsync();
