using System.Text.RegularExpressions;
using Actors.Host.Demos;
using Actors.Lock;
using Actors.Semaphore;
using Spectre.Console;

namespace Actors.Host.Tests.Demos;

/// <summary>
/// <c>demo NAME --live</c>: the primitives of the demo's actor system in a Spectre.Console table, with their holders
/// and what each holds, the permits left, the waiters and the counts.
/// </summary>
public sealed class LiveViewTests : CoordinatorTestKit
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(3);

    private static string Render(IReadOnlyList<PrimitiveSnapshot> snapshots)
    {
        var output = new StringWriter();
        SpectreConsoles.For(output).Write(LiveTable.Build(snapshots));
        return output.ToString();
    }

    private static string Row(string table, string name) =>
        Assert.Single(table.Split('\n'), l => l.Contains($" {name} ", StringComparison.Ordinal));

    [Fact]
    public async Task Demo_Live_WritesTheFinalTableListingItsPrimitives()
    {
        var lines = await DemoHarness.RunAsync("mutex", new DemoSettings { TimeScale = DemoHarness.FastTimeScale, Live = true });

        Assert.Contains("with the lock: n = 0", lines);
        var title = lines.ToList().FindLastIndex(l => l.Contains("live: ", StringComparison.Ordinal));
        Assert.True(title > lines.ToList().IndexOf("with the lock: n = 0"), string.Join(Environment.NewLine, lines));
        var rows = lines.Skip(title).ToList();
        var row = rows.FindIndex(l => l.Contains(" mutex ", StringComparison.Ordinal));
        Assert.True(row >= 0, string.Join(Environment.NewLine, rows));
        Assert.Contains("100, 0, 0, 0", rows[row]);
        Assert.Contains(" Lock ", rows[row + 1]);
        Assert.DoesNotContain('\u001b', string.Concat(lines));
    }

    [Fact]
    public async Task Table_SemaphoreWithFiveAnonymousHolders_CountsThemAndShowsNoPermitLeft()
    {
        var semaphore = ActorSemaphore.CreateBounded(Sys, 5, "live-semaphore");
        for (var i = 0; i < 5; i++) await semaphore.AcquireAsync();
        var waiter = CreateTestProbe("waiter");
        semaphore.Coordinator.Tell(new SemaphoreProtocol.Acquire(1, waiter.Ref), waiter.Ref);

        await AwaitAssertAsync(async () =>
        {
            var row = Row(Render(await PrimitiveSnapshot.TakeAsync(Sys, QueryTimeout)), "live-semaphore");
            Assert.Contains(" 5 anonymous ", row);
            Assert.Contains(" 0 of 5 ", row);
            Assert.Contains(" 1: waiter ", row);
        });
    }

    [Fact]
    public async Task Table_SemaphoreHeldTwiceByANamedOwner_ShowsTheOwnerWithItsCount()
    {
        var semaphore = ActorSemaphore.CreateBounded(Sys, 3, "live-named");
        var holder = CreateTestProbe("holder");
        var named = semaphore.WithOwner(holder.Ref);
        await named.AcquireAsync();
        await named.AcquireAsync();

        var snapshot = Assert.Single(await PrimitiveSnapshot.TakeAsync(Sys, QueryTimeout), p => p.Statistics.Name == "live-named");

        Assert.Equal("holder ×2", LiveTable.HeldBy(snapshot));
        Assert.Equal("1 of 3", LiveTable.Free(snapshot));
    }

    [Fact]
    public async Task Table_OfAHeldLock_NamesHolderAndWaiters()
    {
        var mutex = ActorLock.Create(Sys, "live-lock").Coordinator;
        var holder = CreateTestProbe("holder");
        var waiter = CreateTestProbe("waiter");
        mutex.Tell(new LockProtocol.Acquire(1, holder.Ref), holder.Ref);
        holder.ExpectMsg<LockProtocol.Acquired>();
        mutex.Tell(new LockProtocol.Acquire(2, waiter.Ref), waiter.Ref);

        await AwaitAssertAsync(async () =>
        {
            var row = Row(Render(await PrimitiveSnapshot.TakeAsync(Sys, QueryTimeout)), "live-lock");
            Assert.Contains(" holder ", row);
            Assert.Contains(" 1: waiter ", row);
        });
    }

    [Fact]
    public async Task InPlace_NarrowTerminal_DemoLinesAboveTheTable_NoLineWiderThanTheTerminal()
    {
        const int width = 50;
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        var semaphore = ActorSemaphore.CreateBounded(Sys, 5, "a-semaphore-with-a-rather-long-name");
        for (var i = 0; i < 5; i++) await semaphore.AcquireAsync();

        await using (var view = LiveView.Start(Sys, console, output, inPlace: true))
        {
            view.Output.WriteLine("a demo line");
            await view.StopAsync();
        }

        var text = output.ToString();
        var line = text.IndexOf("a demo line", StringComparison.Ordinal);
        Assert.True(line >= 0, text);
        var plain = Regex.Replace(text[line..], "\u001b\\[[0-9;?]*[A-Za-z]", "");
        Assert.True(plain.Contains("│ a-sema", StringComparison.Ordinal) && plain.Contains("│ 5     │ 0 of", StringComparison.Ordinal), plain);
        // Words too long for a narrow column are folded onto the next line, never cut off with an ellipsis.
        Assert.DoesNotContain('…', plain);
        // A redraw returns the cursor (a carriage return) before the next frame: each stretch between them is one line on screen.
        Assert.All(plain.Split('\n', '\r'), l => Assert.True(l.Length <= width, $"a line of {l.Length} characters: {l}"));
    }
}
