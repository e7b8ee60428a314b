using Actors.Diagnostics;
using Actors.Host.Demos;
using Actors.Lock;

namespace Actors.Host.Tests.Demos;

/// <summary><c>demo NAME --live</c>: the primitives of the demo's actor system are listed with their holders, waiters and counts.</summary>
public sealed class LiveViewTests : CoordinatorTestKit
{
    [Fact]
    public async Task Demo_Live_WritesAFrameListingItsPrimitives()
    {
        var lines = await DemoHarness.RunAsync("mutex", new DemoSettings { TimeScale = DemoHarness.FastTimeScale, Live = true });

        Assert.Contains("with the lock: n = 0", lines);
        var frame = lines.ToList().FindLastIndex(l => l.StartsWith("--- live: ", StringComparison.Ordinal));
        Assert.True(frame >= 0, string.Join(Environment.NewLine, lines));
        var row = Assert.Single(lines.Skip(frame + 1), l => l.TrimStart().StartsWith("mutex ", StringComparison.Ordinal));
        Assert.Contains(" Lock ", row);
        Assert.Contains("grants 100", row);
        Assert.DoesNotContain('\u001b', string.Concat(lines));
    }

    [Fact]
    public async Task Frame_OfAHeldLock_NamesHolderAndWaiters()
    {
        var mutex = ActorLock.Create(Sys, "live-lock").Coordinator;
        var holder = CreateTestProbe("holder");
        var waiter = CreateTestProbe("waiter");
        mutex.Tell(new LockProtocol.Acquire(1, holder.Ref), holder.Ref);
        holder.ExpectMsg<LockProtocol.Acquired>();
        mutex.Tell(new LockProtocol.Acquire(2, waiter.Ref), waiter.Ref);

        await AwaitAssertAsync(async () =>
        {
            var statistics = await PrimitiveRegistry.Get(Sys).GetStatisticsAsync(TimeSpan.FromSeconds(3));
            var row = Assert.Single(LiveView.Format(statistics), l => l.Contains("live-lock", StringComparison.Ordinal));
            Assert.Contains("held by [holder]", row);
            Assert.Contains("waiting 1 [waiter]", row);
        });
    }

    [Fact]
    public async Task InPlace_TextAfterAFrame_ErasesAndRedrawsIt()
    {
        var output = new StringWriter();
        await using (var view = LiveView.Start(Sys, output, inPlace: true))
        {
            await view.RenderFrameAsync();
            view.Output.WriteLine("a demo line");
            await view.StopAsync();
        }

        var text = output.ToString();
        var line = text.IndexOf("a demo line", StringComparison.Ordinal);
        Assert.True(line > 0, text);
        Assert.Contains("\u001b[", text[..line]);
        Assert.Contains("--- live: ", text[line..]);
    }

    [Fact]
    public void Registry_StoppedCoordinator_IsForgotten()
    {
        var mutex = ActorLock.Create(Sys, "live-stopped").Coordinator;
        AwaitAssert(() => Assert.Contains(mutex, PrimitiveRegistry.Get(Sys).Coordinators));
        Watch(mutex);
        Sys.Stop(mutex);
        ExpectTerminated(mutex);
        AwaitAssert(() => Assert.DoesNotContain(mutex, PrimitiveRegistry.Get(Sys).Coordinators));
    }
}
