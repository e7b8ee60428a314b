using Actors.Host.CommandLine;
using Actors.Host.Compare;
using Actors.Host.Demos;
using Actors.Host.Soak;

namespace Actors.Host.Tests.CommandLine;

/// <summary>Runs the host's command line with actions that only record what they were asked to run.</summary>
internal sealed class RecordingHost
{
    /// <summary>The comparison the command line started, if any.</summary>
    public CompareOptions? Compare { get; private set; }

    /// <summary>The demos the command line started, if any.</summary>
    public IReadOnlyList<IDemo>? Demos { get; private set; }

    /// <summary>The settings the demos were started with.</summary>
    public DemoSettings? DemoSettings { get; private set; }

    /// <summary>The soak the command line started, if any.</summary>
    public SoakOptions? Soak { get; private set; }

    /// <summary>What the command line wrote to standard output.</summary>
    public string Output => _output.ToString();

    /// <summary>What the command line wrote to standard error, one entry a line.</summary>
    public IReadOnlyList<string> ErrorLines => _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>True when no comparison, demo or soak was started.</summary>
    public bool RanNothing => Compare is null && Demos is null && Soak is null;

    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    /// <summary>Parses and invokes <paramref name="args"/>; returns the exit code.</summary>
    public Task<int> RunAsync(params string[] args)
    {
        var actions = new HostActions(
            (options, _, _) =>
            {
                Compare = options;
                return Task.FromResult(0);
            },
            (demos, settings, _, _) =>
            {
                Demos = demos;
                DemoSettings = settings;
                return Task.FromResult(0);
            },
            (soak, _, _) =>
            {
                Soak = soak;
                return Task.FromResult(0);
            });
        return HostCommandLine.InvokeAsync(args, actions, _output, _error);
    }
}
