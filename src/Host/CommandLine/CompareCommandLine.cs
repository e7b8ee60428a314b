using System.CommandLine;
using System.CommandLine.Parsing;
using Actors.Host.Compare;
using Actors.Host.Distributed;
using Npgsql;

namespace Actors.Host.CommandLine;

/// <summary>
/// The options of <c>compare</c>. The root command takes them too, since a run without a command is a comparison
/// (<c>Actors.Host --quick</c>), so one instance of each option is added to both commands.
/// </summary>
internal sealed class CompareCommandLine
{
    /// <summary><c>--quick</c>: the quick profile.</summary>
    public Option<bool> Quick { get; } = new("--quick") { Description = "Small sizes, about 15 s (same as --size quick)." };

    /// <summary><c>--full</c>: the full profile.</summary>
    public Option<bool> Full { get; } = new("--full") { Description = "Big sizes and more runs, several minutes (same as --size full)." };

    /// <summary><c>--size NAME</c>: any profile by name.</summary>
    public Option<string?> Size { get; } = new("--size") { Description = "The sizes to run; without it, default." };

    /// <summary><c>--reports DIR</c>: where the report files go.</summary>
    public Option<string> Reports { get; } = new("--reports")
    {
        Description = "Directory of the report files.",
        DefaultValueFactory = _ => "reports",
        HelpName = "directory",
    };

    /// <summary><c>--no-python</c>: skip the CPython column.</summary>
    public Option<bool> NoPython { get; } = new("--no-python") { Description = "Skip the CPython column." };

    /// <summary><c>--only NAME...</c>: a subset of the scenarios.</summary>
    public Option<string[]> Only { get; } = new("--only")
    {
        Description = "Run only these scenarios.",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary><c>--distributed</c>: the cluster primitives against DistributedLock.Redis and DistributedLock.Postgres.</summary>
    public Option<bool> Distributed { get; } = new("--distributed")
    {
        Description = "Compare this library's cluster primitives (three local nodes) with DistributedLock.Redis and DistributedLock.Postgres " +
                      "over local servers (started if installed), about three minutes at the default size.",
    };

    /// <summary><c>--redis HOST:PORT</c>: the Redis server of <c>--distributed</c>.</summary>
    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = $"The Redis server of --distributed, as host:port; without it the host's own on 127.0.0.1:{LocalServers.RedisPort}, started if needed.",
        HelpName = "host:port",
    };

    /// <summary><c>--postgres CONNECTION</c>: the PostgreSQL server of <c>--distributed</c>.</summary>
    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = $"The PostgreSQL server of --distributed, as an Npgsql connection string; without it the host's own on port {LocalServers.PostgresPort}, started if needed.",
        HelpName = "connection-string",
    };

    /// <summary><c>--batching off|on|both</c>: the Akka.Remote batching setting(s) of <c>--distributed</c>'s cluster.</summary>
    public Option<string> Batching { get; } = new("--batching")
    {
        Description = "Akka.Remote's dot-netty.tcp.batching for the actor cluster of --distributed: on (Akka's default, the chosen setting), off, or both (default).",
        DefaultValueFactory = _ => "both",
    };

    /// <summary>Creates the options with their validation.</summary>
    public CompareCommandLine()
    {
        Size.AcceptOnlyFromAmong([.. CompareSizes.Names]);
        Only.AcceptOnlyFromAmong([.. InProcessScenarios.Union(DistributedScenarios)]);
        Reports.Validators.Add(ValidateReportDirectory);
        Batching.AcceptOnlyFromAmong("off", "on", "both");
        Redis.Validators.Add(ValidateRedis);
        Postgres.Validators.Add(ValidatePostgres);
    }

    private static IEnumerable<string> InProcessScenarios => CompareRunner.Scenarios.Select(s => s.Name);

    private static IEnumerable<string> DistributedScenarios => DistributedRunner.Scenarios.Select(s => s.Name);

    /// <summary>Adds every option and the rules between them to <paramref name="command"/>, and makes it run the comparison.</summary>
    public void AddTo(Command command, HostActions actions)
    {
        foreach (var option in new Option[] { Quick, Full, Size, Reports, NoPython, Only, Distributed, Redis, Postgres, Batching }) command.Options.Add(option);
        command.Validators.Add(ValidateOneSize);
        command.Validators.Add(ValidateDistributed);
        command.SetAction((parse, cancellation) =>
            actions.RunCompare(Read(parse), parse.InvocationConfiguration.Output, cancellation));
    }

    /// <summary>The comparison a valid command line asks for.</summary>
    public CompareOptions Read(ParseResult parse) => new()
    {
        Sizes = CompareSizes.ByName(SizeName(parse))!,
        ReportDirectory = parse.GetValue(Reports)!,
        RunPython = !parse.GetValue(NoPython),
        Only = parse.GetValue(Only) is { Length: > 0 } names ? names : null,
        Distributed = parse.GetValue(Distributed),
        RedisEndpoint = parse.GetValue(Redis),
        PostgresConnectionString = parse.GetValue(Postgres),
        Batching = Enum.Parse<BatchingChoice>(parse.GetValue(Batching)!, ignoreCase: true),
    };

    private string SizeName(ParseResult parse) =>
        parse.GetValue(Size) ?? (parse.GetValue(Full) ? "full" : parse.GetValue(Quick) ? "quick" : "default");

    /// <summary><c>--quick</c>, <c>--full</c> and <c>--size</c> choose the same thing: two of them are a contradiction, not a priority.</summary>
    private void ValidateOneSize(CommandResult command)
    {
        var given = new Option[] { Quick, Full, Size }.Where(option => command.GetResult(option) is { Implicit: false }).ToList();
        if (given.Count > 1)
            command.AddError($"{string.Join(" and ", given.Select(o => o.Name))} both choose the sizes: give one of --quick, --full or --size.");
    }

    /// <summary>
    /// The options of <c>--distributed</c> only with it, the in-process ones only without it, and <c>--only</c>'s names
    /// from the comparison that runs.
    /// </summary>
    private void ValidateDistributed(CommandResult command)
    {
        bool Given(Option option) => command.GetResult(option) is { Implicit: false };
        var distributed = command.GetValue(Distributed);
        if (!distributed)
        {
            if (new Option[] { Redis, Postgres, Batching }.FirstOrDefault(Given) is { } option)
                command.AddError($"{option.Name} belongs to --distributed: add --distributed or drop {option.Name}.");
            else if (OnlyNames(command).FirstOrDefault(name => !InProcessScenarios.Contains(name)) is { } name)
                command.AddError($"--only: '{name}' is a scenario of --distributed; add --distributed, or name scenarios of the in-process comparison ({string.Join(", ", InProcessScenarios)}).");
            return;
        }
        if (Given(NoPython))
            command.AddError("--no-python belongs to the in-process comparison; --distributed runs no Python: drop --no-python.");
        else if (OnlyNames(command).FirstOrDefault(name => !DistributedScenarios.Contains(name)) is { } name)
            command.AddError($"--only: '{name}' is not a scenario of --distributed, whose scenarios are {string.Join(", ", DistributedScenarios)}.");
    }

    /// <summary>The known scenario names <c>--only</c> was given (an unknown one is <c>--only</c>'s own error).</summary>
    private IEnumerable<string> OnlyNames(CommandResult command) =>
        (command.GetResult(Only)?.Tokens.Select(t => t.Value) ?? []).Where(name => InProcessScenarios.Contains(name) || DistributedScenarios.Contains(name));

    private static void ValidateRedis(OptionResult result)
    {
        var endpoint = result.GetValueOrDefault<string?>() ?? "";
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], out var port) || port is < 1 or > 65535)
            result.AddError($"--redis takes host:port, such as 127.0.0.1:6379; '{endpoint}' is not one.");
    }

    private static void ValidatePostgres(OptionResult result)
    {
        var text = result.GetValueOrDefault<string?>() ?? "";
        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(text).Host)) result.AddError($"--postgres needs a connection string with a Host, such as 'Host=127.0.0.1;Port=5432;Username=postgres'; '{text}' has none.");
        }
        catch (ArgumentException e)
        {
            result.AddError($"--postgres takes an Npgsql connection string, such as 'Host=127.0.0.1;Port=5432;Username=postgres'; '{text}' is not one ({e.Message}).");
        }
    }

    private static void ValidateReportDirectory(OptionResult result)
    {
        var directory = result.GetValueOrDefault<string>();
        if (string.IsNullOrWhiteSpace(directory)) result.AddError("--reports needs a directory name.");
        else if (File.Exists(directory)) result.AddError($"--reports '{directory}' is a file, not a directory.");
    }
}
