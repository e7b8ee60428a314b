using Actors.Host.Compare;
using Actors.Host.Demos;
using Actors.Host.Distributed;
using Actors.Host.Soak;

namespace Actors.Host.CommandLine;

/// <summary>
/// What a valid command line runs: the comparison, demos or a soak. The command line only parses, validates and picks one;
/// tests give it recording actions to check what a command line would run without running it.
/// </summary>
/// <param name="RunCompare">Runs the comparison, printing to the writer; returns the process's exit code.</param>
/// <param name="RunDemos">Runs the demos in order, printing to the writer; returns the process's exit code.</param>
/// <param name="RunSoak">Runs fault schedules against the cluster primitives, printing to the writer; returns the process's exit code.</param>
internal sealed record HostActions(
    Func<CompareOptions, TextWriter, CancellationToken, Task<int>> RunCompare,
    Func<IReadOnlyList<IDemo>, DemoSettings, TextWriter, CancellationToken, Task<int>> RunDemos,
    Func<SoakOptions, TextWriter, CancellationToken, Task<int>> RunSoak)
{
    /// <summary>Exit code of a comparison whose results did not all check out: a wrong result is a failure, not a slow row.</summary>
    public const int WrongResult = 1;

    /// <summary>The host's real work.</summary>
    public static HostActions Real { get; } = new(
        async (options, output, cancellation) =>
        {
            var (report, _) = options.Distributed
                ? await DistributedRunner.RunAsync(options, output, cancellation)
                : await CompareRunner.RunAsync(options, output, cancellation);
            return report.AllCorrect ? 0 : WrongResult;
        },
        async (demos, settings, output, cancellation) =>
        {
            await DemoRunner.RunAsync(demos, settings, output, cancellation);
            return 0;
        },
        SoakRunner.RunAsync);
}
