using Actors.Cluster.Testing.Faults;
using Actors.Host.CommandLine;

namespace Actors.Host.Tests.CommandLine;

/// <summary><c>soak</c>: its usage errors exit 2 with one message and nothing run; a valid line runs what it says.</summary>
public sealed class SoakCommandLineTests
{
    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["soak", "--minutes", "0"], "--minutes takes a positive number of minutes" },
        { ["soak", "--minutes", "-3"], "'-3' is not one" },
        { ["soak", "--minutes", "ten"], "'ten' is not one" },
        { ["soak", "--minutes", "NaN"], "'NaN' is not one" },
        { ["soak", "--seed", "x"], "--seed" },
        { ["soak", "--timings", "fast"], "'fast' not recognized" },
        { ["soak", "--faults", "0"], "--faults takes at least 1" },
        { ["soak", "--quick"], "--quick is an option of 'compare', not of 'soak'" },
        { ["soak", "extra"], "'soak' does not take 'extra'" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task UsageError_OneMessage_ExitCode2_NothingRuns(string[] args, string expected)
    {
        var host = new RecordingHost();

        Assert.Equal(UsageError.ExitCode, await host.RunAsync(args));

        Assert.True(host.RanNothing, "a usage error started a run");
        Assert.Equal(2, host.ErrorLines.Count);
        Assert.Contains(expected, host.ErrorLines[0]);
    }

    [Fact]
    public async Task EveryOption_IsPassedOn()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("soak", "--minutes", "0.5", "--seed", "42", "--timings", "default", "--faults", "2", "--probe"));

        Assert.Equal(0.5, host.Soak?.Minutes);
        Assert.Equal(42, host.Soak!.Seed);
        Assert.Same(ClusterTimings.Default, host.Soak.Timings);
        Assert.Equal(2, host.Soak.FaultsPerRun);
        Assert.True(host.Soak.Probe);
    }

    [Fact]
    public async Task Defaults_TenMinutes_TestTimings_ADrawnSeed()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("soak"));

        Assert.Equal(10, host.Soak?.Minutes);
        Assert.Same(ClusterTimings.Test, host.Soak!.Timings);
        Assert.True(host.Soak.Seed > 0);
        Assert.False(host.Soak.Probe);
    }
}
