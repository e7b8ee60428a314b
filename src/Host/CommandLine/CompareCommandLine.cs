using System.CommandLine;
using System.CommandLine.Parsing;
using Actors.Host.Compare;

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

    /// <summary>Creates the options with their validation.</summary>
    public CompareCommandLine()
    {
        Size.AcceptOnlyFromAmong([.. CompareSizes.Names]);
        Only.AcceptOnlyFromAmong([.. CompareRunner.Scenarios.Select(s => s.Name)]);
        Reports.Validators.Add(ValidateReportDirectory);
    }

    /// <summary>Adds every option and the one-size rule to <paramref name="command"/>, and makes it run the comparison.</summary>
    public void AddTo(Command command, HostActions actions)
    {
        foreach (var option in new Option[] { Quick, Full, Size, Reports, NoPython, Only }) command.Options.Add(option);
        command.Validators.Add(ValidateOneSize);
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

    private static void ValidateReportDirectory(OptionResult result)
    {
        var directory = result.GetValueOrDefault<string>();
        if (string.IsNullOrWhiteSpace(directory)) result.AddError("--reports needs a directory name.");
        else if (File.Exists(directory)) result.AddError($"--reports '{directory}' is a file, not a directory.");
    }
}
