using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Actors.Host.Demos;

namespace Actors.Host.CommandLine;

/// <summary>
/// <c>demo NAME|all [--time-scale X] [--live] [--unsafe] [--ordered]</c> and <c>demo --list</c>. A name is required:
/// <c>demo</c> alone is a usage error rather than a silent run of every demo. A variant's flag is accepted only with a
/// demo that has that variant (or with <c>all</c>, where it applies to those that have it).
/// </summary>
internal sealed class DemoCommandLine
{
    /// <summary>The word that runs every demo in catalog order.</summary>
    public const string AllDemos = "all";

    private readonly Argument<string?> _name = new("name")
    {
        Arity = ArgumentArity.ZeroOrOne,
        HelpName = "name|all",
        Description = $"The demo to run, or '{AllDemos}' for every one in order ('demo --list' lists them).",
    };

    private readonly Option<bool> _list = new("--list") { Description = "List the demos and run none." };

    private readonly Option<double> _timeScale = new("--time-scale")
    {
        Description = "Real seconds per second of the tutorial's sleeps, a positive number.",
        DefaultValueFactory = _ => DemoSettings.DefaultTimeScale,
        CustomParser = ParseTimeScale,
        HelpName = "seconds",
    };

    private readonly Option<bool> _live = new("--live") { Description = "Show every primitive of the demo (holders, waiters, queue depths), refreshed while it runs." };

    private readonly Option<bool> _unsafe = new("--unsafe") { Description = $"Also run without the lock, on shared memory, to show lost updates ({DemosWith(DemoVariants.Unsafe)})." };

    private readonly Option<bool> _ordered = new("--ordered") { Description = $"Take the locks in a global order ({DemosWith(DemoVariants.Ordered)})." };

    /// <summary>Creates the argument and options with their validation.</summary>
    public DemoCommandLine()
    {
        _name.Validators.Add(ValidateName);
        _name.CompletionSources.Add([AllDemos, .. DemoCatalog.All.Select(d => d.Name)]);
    }

    /// <summary>The <c>demo</c> command, running what it selects through <paramref name="actions"/>.</summary>
    public Command Build(HostActions actions)
    {
        var command = new Command("demo", "Run one of the tutorial's scenarios on actors, or all of them.")
        {
            _name, _list, _timeScale, _live, _unsafe, _ordered,
        };
        command.Validators.Add(ValidateCombination);
        command.SetAction((parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(_list))
            {
                foreach (var demo in DemoCatalog.All) output.WriteLine($"{demo.Name,-20} {demo.Title}");
                return Task.FromResult(0);
            }
            return actions.RunDemos(Selected(parse.GetValue(_name)!), ReadSettings(parse), output, cancellation);
        });
        return command;
    }

    private DemoSettings ReadSettings(ParseResult parse) => new()
    {
        TimeScale = parse.GetValue(_timeScale),
        Unsafe = parse.GetValue(_unsafe),
        Ordered = parse.GetValue(_ordered),
        Live = parse.GetValue(_live),
    };

    private static IReadOnlyList<IDemo> Selected(string name) =>
        IsAll(name) ? DemoCatalog.All : [DemoCatalog.Find(name)!];

    private static bool IsAll(string name) => string.Equals(name, AllDemos, StringComparison.OrdinalIgnoreCase);

    /// <summary>A positive, finite number in invariant notation (<c>0.05</c> on every machine).</summary>
    private static double ParseTimeScale(ArgumentResult result)
    {
        var token = result.Tokens.Single().Value;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && double.IsFinite(scale) && scale > 0)
            return scale;
        result.AddError($"--time-scale takes a positive number of real seconds per tutorial second, such as 0.1; '{token}' is not one.");
        return DemoSettings.DefaultTimeScale;
    }

    private static void ValidateName(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return;
        var name = result.Tokens[0].Value;
        if (!IsAll(name) && DemoCatalog.Find(name) is null)
            result.AddError($"No demo called '{name}'. 'demo --list' lists them.");
    }

    /// <summary>The rules between the argument and the options: a name unless listing, and a flag only where it applies.</summary>
    private void ValidateCombination(CommandResult command)
    {
        var name = command.GetResult(_name)?.Tokens.FirstOrDefault()?.Value;
        if (command.GetValue(_list))
        {
            var others = new Option[] { _timeScale, _live, _unsafe, _ordered }.Where(o => command.GetResult(o) is { Implicit: false }).Select(o => o.Name);
            var extra = (name is null ? [] : new[] { $"'{name}'" }).Concat(others).ToList();
            if (extra.Count > 0) command.AddError($"--list only lists the demos; drop {string.Join(" and ", extra)} or drop --list.");
            return;
        }
        if (name is null)
        {
            command.AddError($"Name the demo to run, or '{AllDemos}' for every one in order. 'demo --list' lists them.");
            return;
        }
        if (IsAll(name) || DemoCatalog.Find(name) is not { } demo) return;
        foreach (var (flag, variant) in new[] { (_unsafe, DemoVariants.Unsafe), (_ordered, DemoVariants.Ordered) })
        {
            if (command.GetValue(flag) && !demo.Variants.HasFlag(variant))
                command.AddError($"'{demo.Name}' has no {flag.Name} variant; {flag.Name} applies to {DemosWith(variant)}.");
        }
    }

    private static string DemosWith(DemoVariants variant) =>
        string.Join(", ", DemoCatalog.All.Where(d => d.Variants.HasFlag(variant)).Select(d => d.Name));
}
