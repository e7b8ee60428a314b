using Actors.Host.Demos;
using Actors.Tests.Support;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenarios 11 and 12: deadlocks are reported with their cycle, not silent hangs, and the demos end by themselves.</summary>
public sealed class DeadlockDemoTests
{
    [Fact]
    public async Task DeadlockSelf_Lock_IsReported_RLock_GoesDeeper()
    {
        var lines = await DemoHarness.RunAsync("deadlock-self");

        var rlock = lines.ToList().IndexOf("--- RLock");
        Assert.Equal(["--- Lock", "lock acquire...1"], lines.Skip(1).Take(2));
        Assert.Contains("deadlock: main -> lock -> main", lines.Take(rlock));
        Assert.Contains("  main holds lock (Lock); waits for lock (Lock), held by main", lines.Take(rlock));
        Assert.Contains("the second acquire is cancelled after the report (Python would hang here for ever)", lines.Take(rlock));
        Assert.DoesNotContain(lines, l => l.Contains("no deadlock reported") || l.Contains("unexpected"));
        Assert.Equal(["lock acquire...1", "lock acquire...2", "lock release", "lock release"], lines.Skip(rlock + 1));
    }

    [Fact]
    public async Task DeadlockSelf_TheReportIsPrintedOnce_AndNotLoggedAgain()
    {
        var logs = new CapturedLogs();

        var lines = await DemoHarness.RunAsync("deadlock-self", logs: logs);

        Assert.Single(lines, l => l == "deadlock: main -> lock -> main");
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("deadlock:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeadlockTransfer_ReportsTheCycle_ThenBothTransfersComplete()
    {
        var lines = await DemoHarness.RunAsync("deadlock-transfer");

        Assert.Equal([
            "t1: locked hepang, withdrew 4000",
            "t2: locked luoziyao, withdrew 4000",
            "t1: wait... (now locking luoziyao)",
            "t2: wait... (now locking hepang)",
            "deadlock: t1 -> luoziyao -> t2 -> hepang -> t1",
            "  t1 holds hepang (Lock); waits for luoziyao (Lock), held by t2",
            "  t2 holds luoziyao (Lock); waits for hepang (Lock), held by t1",
            "  resolution: report only; the owners stay blocked until one of them gives up",
            "t2 backs off: cancels its wait for hepang, puts 4000 back into luoziyao and unlocks it",
            "t1: hepang gave luoziyao 4000",
            "t2 retries now that t1 is done",
            "t2: luoziyao gave hepang 4000",
            "balances: hepang 10000, luoziyao 5000, total 15000",
        ], lines.Skip(1));
    }

    [Fact]
    public async Task DeadlockTransfer_Ordered_BothCompleteWithoutDeadlock()
    {
        var lines = await DemoHarness.RunAsync("deadlock-transfer", new DemoSettings { TimeScale = DemoHarness.FastTimeScale, Ordered = true });

        Assert.Contains("--ordered: every transfer locks hepang then luoziyao", lines);
        Assert.Contains("t1: hepang gave luoziyao 4000", lines);
        Assert.Contains("t2: luoziyao gave hepang 4000", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("deadlock:"));
        Assert.Equal("balances: hepang 10000, luoziyao 5000, total 15000", lines[^1]);
    }
}
