using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Actors.Cluster.Testing.Faults;
using Actors.Host.Soak;

namespace Actors.Host.CommandLine;

/// <summary>
/// <c>soak [--minutes N] [--seed S] [--timings test|default] [--faults N] [--probe]</c>: randomised fault schedules against
/// the cluster primitives for N minutes, every history checked for linearizability. Without <c>--seed</c> the seed is
/// drawn and printed, so a failing soak can be replayed.
/// </summary>
internal sealed class SoakCommandLine
{
    private readonly Option<double> _minutes = new("--minutes")
    {
        Description = "How long to keep starting fault runs, a positive number of minutes (default 10; a run started in time finishes).",
        DefaultValueFactory = _ => 10,
        CustomParser = ParseMinutes,
        HelpName = "minutes",
    };

    private readonly Option<int?> _seed = new("--seed") { Description = "The first run's seed (run i uses seed + i); default drawn at random and printed.", HelpName = "seed" };

    private readonly Option<string> _timings = new("--timings")
    {
        Description = "The failure detector's and split-brain resolver's timings: 'test' (TEST-ONLY, a node downed in about 4 s) or 'default' (Akka's, about 25 s).",
        DefaultValueFactory = _ => ClusterTimings.Test.Name,
        HelpName = "test|default",
    };

    private readonly Option<int> _faults = new("--faults")
    {
        Description = "Faults in each run's schedule, at least 1 (default 6).",
        DefaultValueFactory = _ => 6,
        HelpName = "count",
    };

    private readonly Option<bool> _probe = new("--probe") { Description = "First measure what each side of a crash and a partition sees (time to the next grant)." };

    /// <summary>Creates the options with their validation.</summary>
    public SoakCommandLine()
    {
        _timings.AcceptOnlyFromAmong(ClusterTimings.Test.Name, ClusterTimings.Default.Name);
        _faults.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--faults takes at least 1.");
        });
    }

    /// <summary>The <c>soak</c> command, running through <paramref name="actions"/>.</summary>
    public Command Build(HostActions actions)
    {
        var command = new Command("soak", "Run randomised partitions, kills and restarts against a three-node cluster's lock, semaphore and queue; check every history.")
        {
            _minutes, _seed, _timings, _faults, _probe,
        };
        command.SetAction((parse, cancellation) => actions.RunSoak(Read(parse), parse.InvocationConfiguration.Output, cancellation));
        return command;
    }

    private SoakOptions Read(ParseResult parse) => new()
    {
        Minutes = parse.GetValue(_minutes),
        Seed = parse.GetValue(_seed) ?? Random.Shared.Next(1, 1_000_000),
        Timings = ClusterTimings.ByName(parse.GetValue(_timings)!)!,
        FaultsPerRun = parse.GetValue(_faults),
        Probe = parse.GetValue(_probe),
    };

    private static double ParseMinutes(ArgumentResult result)
    {
        var token = result.Tokens.Single().Value;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && double.IsFinite(minutes) && minutes > 0)
            return minutes;
        result.AddError($"--minutes takes a positive number of minutes, such as 10 or 0.5; '{token}' is not one.");
        return 0;
    }
}
