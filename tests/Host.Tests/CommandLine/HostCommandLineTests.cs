using Actors.Host.CommandLine;
using Actors.Host.Compare;
using Actors.Host.Demos;

namespace Actors.Host.Tests.CommandLine;

/// <summary>
/// The host's command line: every usage error is one message on standard error and exit code 2 with nothing run;
/// every valid line runs exactly what it says.
/// </summary>
public sealed class HostCommandLineTests
{
    /// <summary>Each seen defect and each rule, with a fragment the one message must contain.</summary>
    public static TheoryData<string[], string> UsageErrors => new()
    {
        // --time-scale belongs to demo: the default command (compare) accepted it and ignored it.
        { ["--time-scale", "-1"], "--time-scale is an option of 'demo'" },
        { ["compare", "--time-scale", "2"], "--time-scale is an option of 'demo', not of 'compare'" },
        // --quick --full ran the full profile.
        { ["compare", "--quick", "--full"], "give one of --quick, --full or --size" },
        { ["--quick", "--size", "full"], "give one of --quick, --full or --size" },
        // A variant's flag on a demo without that variant was ignored.
        { ["demo", "semaphore", "--unsafe"], "'semaphore' has no --unsafe variant; --unsafe applies to mutex" },
        { ["demo", "mutex", "--ordered"], "'mutex' has no --ordered variant; --ordered applies to deadlock-transfer" },
        // --time-scale abc exited 1 with the whole help; 0, negatives and non-finite numbers are no scale either.
        { ["demo", "mutex", "--time-scale", "abc"], "--time-scale takes a positive number" },
        { ["demo", "mutex", "--time-scale", "-1"], "'-1' is not one" },
        { ["demo", "mutex", "--time-scale", "0"], "'0' is not one" },
        { ["demo", "mutex", "--time-scale", "NaN"], "'NaN' is not one" },
        { ["demo", "mutex", "--time-scale", "Infinity"], "'Infinity' is not one" },
        // demo without a name ran all 27 without saying so.
        { ["demo"], "Name the demo to run, or 'all'" },
        { ["demo", "--live"], "Name the demo to run, or 'all'" },
        { ["demo", "nope"], "No demo called 'nope'" },
        { ["demo", "--list", "mutex"], "--list only lists the demos; drop 'mutex'" },
        { ["demo", "--list", "--unsafe"], "drop --unsafe" },
        { ["demo", "mutex", "--quick"], "--quick is an option of 'compare', not of 'demo'" },
        { ["--size", "huge"], "'huge' not recognized. Must be one of: 'tiny' 'quick' 'default' 'full'" },
        { ["compare", "--only", "counter", "nope"], "--only: Argument 'nope' not recognized" },
        { ["compare", "--only"], "--only" },
        { ["compare", "--reports", " "], "--reports needs a directory name" },
        { ["compare", "extra"], "'compare' does not take 'extra'" },
        // compare --distributed: its options only with it, and each one's value checked before anything starts.
        { ["compare", "--redis", "127.0.0.1:6379"], "--redis belongs to --distributed: add --distributed or drop --redis" },
        { ["--postgres", "Host=localhost"], "--postgres belongs to --distributed" },
        { ["compare", "--batching", "off"], "--batching belongs to --distributed" },
        { ["--distributed", "--redis", "localhost"], "--redis takes host:port, such as 127.0.0.1:6379; 'localhost' is not one" },
        { ["--distributed", "--redis", "localhost:99999"], "'localhost:99999' is not one" },
        { ["--distributed", "--postgres", "nonsense"], "--postgres takes an Npgsql connection string" },
        { ["--distributed", "--postgres", "Port=5432"], "--postgres needs a connection string with a Host" },
        { ["--distributed", "--batching", "sometimes"], "--batching: Argument 'sometimes' not recognized" },
        { ["compare", "--distributed", "--no-python"], "--no-python belongs to the in-process comparison; --distributed runs no Python" },
        { ["--distributed", "--only", "counter"], "--only: 'counter' is not a scenario of --distributed" },
        { ["compare", "--only", "lock-contended"], "--only: 'lock-contended' is a scenario of --distributed" },
        { ["demo", "mutex", "--distributed"], "--distributed is an option of 'compare', not of 'demo'" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task UsageError_OneMessage_ExitCode2_NothingRuns(string[] args, string expected)
    {
        var host = new RecordingHost();

        var exitCode = await host.RunAsync(args);

        Assert.Equal(UsageError.ExitCode, exitCode);
        Assert.True(host.RanNothing, "a usage error started a run");
        Assert.Equal(2, host.ErrorLines.Count);
        Assert.StartsWith("error: ", host.ErrorLines[0]);
        Assert.Contains(expected, host.ErrorLines[0]);
        Assert.Matches("^See '.+ --help' for the usage\\.$", host.ErrorLines[1]);
        Assert.Equal("", host.Output);
    }

    [Fact]
    public async Task NoArguments_RunsTheDefaultComparison()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync());

        Assert.Equal("default", host.Compare?.Sizes.Profile);
        Assert.True(host.Compare!.RunPython);
        Assert.Equal("reports", host.Compare.ReportDirectory);
        Assert.Null(host.Compare.Only);
    }

    [Theory]
    [InlineData("quick", "--quick")]
    [InlineData("full", "--full")]
    [InlineData("tiny", "--size", "tiny")]
    [InlineData("quick", "compare", "--quick")]
    [InlineData("full", "compare", "--size", "full")]
    public async Task OneSizeOption_ChoosesThatProfile(string profile, params string[] args)
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync(args));

        Assert.Equal(profile, host.Compare?.Sizes.Profile);
    }

    [Fact]
    public async Task Compare_OnlyNoPythonReports_AreAllPassedOn()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("compare", "--only", "counter", "bank", "--no-python", "--reports", "out"));

        Assert.Equal(["counter", "bank"], host.Compare?.Only);
        Assert.False(host.Compare!.RunPython);
        Assert.Equal("out", host.Compare.ReportDirectory);
    }

    [Fact]
    public async Task Distributed_WithServersBatchingAndScenarios_IsPassedOn()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("compare", "--distributed", "--quick", "--redis", "127.0.0.1:6379",
            "--postgres", "Host=127.0.0.1;Port=5432;Username=postgres", "--batching", "off", "--only", "lock-alone", "queue"));

        Assert.True(host.Compare is { Distributed: true, RedisEndpoint: "127.0.0.1:6379", Batching: Actors.Host.Distributed.BatchingChoice.Off });
        Assert.Equal("Host=127.0.0.1;Port=5432;Username=postgres", host.Compare.PostgresConnectionString);
        Assert.Equal("quick", host.Compare.Sizes.Profile);
        Assert.Equal(["lock-alone", "queue"], host.Compare.Only);
    }

    [Fact]
    public async Task Distributed_Alone_UsesTheHostsOwnServers_AndMeasuresBothBatchingSettings()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("--distributed"));

        Assert.True(host.Compare is { Distributed: true, RedisEndpoint: null, PostgresConnectionString: null, Only: null });
        Assert.Equal(Actors.Host.Distributed.BatchingChoice.Both, host.Compare.Batching);
        Assert.Equal("default", host.Compare.Sizes.Profile);
    }

    [Fact]
    public async Task Demo_NameInAnyCase_WithItsVariantAndSettings_RunsThatDemo()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("demo", "MUTEX", "--unsafe", "--time-scale", "0.5", "--live"));

        Assert.Equal("mutex", Assert.Single(host.Demos!).Name);
        Assert.Equal(new DemoSettings { TimeScale = 0.5, Unsafe = true, Live = true }, host.DemoSettings);
    }

    [Fact]
    public async Task Demo_LiveWithoutTimeScale_RunsSlowEnoughToWatch_AnExplicitScaleWins()
    {
        var watched = new RecordingHost();
        var explicitScale = new RecordingHost();

        Assert.Equal(0, await watched.RunAsync("demo", "semaphore", "--live"));
        Assert.Equal(0, await explicitScale.RunAsync("demo", "semaphore", "--live", "--time-scale", "0.1"));

        Assert.Equal(new DemoSettings { TimeScale = DemoSettings.LiveTimeScale, Live = true }, watched.DemoSettings);
        Assert.True(DemoSettings.LiveTimeScale > DemoSettings.DefaultTimeScale);
        Assert.Equal(new DemoSettings { TimeScale = 0.1, Live = true }, explicitScale.DemoSettings);
    }

    [Fact]
    public async Task Demo_WithoutTimeScale_RunsAtTheTutorialsScale()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("demo", "deadlock-transfer", "--ordered"));

        Assert.Equal(new DemoSettings { TimeScale = DemoSettings.DefaultTimeScale, Ordered = true }, host.DemoSettings);
    }

    [Fact]
    public async Task Demo_All_RunsEveryDemoInCatalogOrder_AndTakesEveryVariant()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("demo", "all", "--unsafe", "--ordered"));

        Assert.Equal(DemoCatalog.All, host.Demos);
        Assert.True(host.DemoSettings is { Unsafe: true, Ordered: true });
    }

    [Fact]
    public async Task Demo_List_ListsEveryDemo_AndRunsNone()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("demo", "--list"));

        Assert.True(host.RanNothing);
        var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DemoCatalog.All.Select(d => d.Name), lines.Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public async Task Help_ExitsZero_AndNamesTheRequiredDemoName()
    {
        var host = new RecordingHost();

        Assert.Equal(0, await host.RunAsync("demo", "--help"));

        Assert.True(host.RanNothing);
        Assert.Contains("<name|all>", host.Output);
        Assert.Contains("--unsafe", host.Output);
    }

    [Fact]
    public void EveryVariant_HasADemo()
    {
        foreach (var variant in Enum.GetValues<DemoVariants>().Where(v => v != DemoVariants.None))
            Assert.Contains(DemoCatalog.All, d => d.Variants.HasFlag(variant));
    }

    [Fact]
    public void SizeNames_AreTheProfiles()
    {
        Assert.All(CompareSizes.Names, name => Assert.Equal(name, CompareSizes.ByName(name)?.Profile));
    }
}
