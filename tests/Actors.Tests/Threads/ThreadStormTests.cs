using System.Collections.Concurrent;
using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>Many threads at once: starts, joins with random timeouts and cancellations, exceptions, all racing the threads' ends.</summary>
public sealed class ThreadStormTests : ThreadTestKit
{
    private const int Threads = 200;

    [Fact]
    public async Task Storm_ThreadsStartedAtOnceJoinedWithRandomTimeoutsSomeThrowing_EveryJoinEndsTrueAndActiveCountReturnsToOne()
    {
        var recorded = RecordExceptions();
        var gate = NewGate();
        var ran = new int[Threads];
        var threads = Enumerable.Range(0, Threads).Select(i => CreateThread(i, gate.Task, ran)).ToList();
        var throwing = Enumerable.Range(0, Threads).Where(Throws).Select(i => threads[i]).ToHashSet();

        // All start at once, from many callers.
        var startGate = NewGate();
        var starts = threads.Select(t => Task.Run(async () =>
        {
            await startGate.Task;
            t.Start();
        })).ToList();
        startGate.SetResult();
        await Task.WhenAll(starts).WaitAsync(Patience);
        Assert.Equal(1 + Threads, await Registry.ActiveCountAsync());
        Assert.Equal(threads.ToHashSet(), (await Registry.EnumerateAsync()).Skip(1).ToHashSet());

        // While every body waits at the gate, every timed join times out.
        var random = new Random(42);
        var early = await Task.WhenAll(threads.Select(t => t.JoinAsync(TimeSpan.FromMilliseconds(random.Next(0, 50))))).WaitAsync(Patience);
        Assert.All(early, joined => Assert.False(joined));
        Assert.All(threads, t => Assert.True(t.IsAlive));

        // Joins of every kind race the release of the gate.
        var watcher = CreateTestProbe();
        foreach (var t in threads) watcher.Watch(t.Coordinator!);
        using var cancellations = new CancellationTokenSource();
        var racing = threads.SelectMany((t, i) => new[]
        {
            TimedJoinAsync(t, TimeSpan.FromMilliseconds(random.Next(0, 100))),
            JoinAsync(t, i % 3 == 0 ? cancellations.Token : CancellationToken.None),
        }).ToList();
        gate.SetResult();
        cancellations.CancelAfter(TimeSpan.FromMilliseconds(random.Next(0, 30)));
        var outcomes = await Task.WhenAll(racing).WaitAsync(Patience);
        Assert.DoesNotContain(JoinOutcome.Failed, outcomes);
        Assert.DoesNotContain(JoinOutcome.JoinedButStillAlive, outcomes);

        // Afterwards: every join returns true at once, nothing is counted, every coordinator has stopped.
        Assert.All(await Task.WhenAll(threads.Select(t => t.JoinAsync(TimeSpan.Zero))).WaitAsync(Patience), joined => Assert.True(joined));
        Assert.All(await Task.WhenAll(threads.Select(t => t.JoinAsync(Patience))).WaitAsync(Patience), joined => Assert.True(joined));
        Assert.All(threads, t => Assert.False(t.IsAlive));
        Assert.Equal(1, await Registry.ActiveCountAsync());
        Assert.Equal(new[] { Registry.MainThread }, await Registry.EnumerateAsync());
        Assert.All(ran, count => Assert.Equal(1, count));
        Assert.Equal(throwing.Count, recorded.Count);
        Assert.Equal(throwing, recorded.Select(args => args.Thread).ToHashSet());
        var stopped = Enumerable.Range(0, Threads).Select(_ => watcher.ExpectMsg<Terminated>().ActorRef).ToHashSet();
        Assert.Equal(threads.Select(t => t.Coordinator!).ToHashSet(), stopped);
    }

    private static bool Throws(int i) => i % 4 >= 2;

    /// <summary>Sync and async bodies, every fifth a daemon, half of them throwing once past the gate.</summary>
    private ActorThread CreateThread(int i, Task gate, int[] ran)
    {
        void Body()
        {
            Interlocked.Increment(ref ran[i]);
            if (Throws(i)) throw new InvalidOperationException($"boom {i}");
        }

        var daemon = i % 5 == 0;
        return i % 2 == 0
            ? new ActorThread(Sys, _ =>
            {
                gate.Wait();
                Body();
            }, name: $"sync-{i}", daemon: daemon)
            : new ActorThread(Sys, async _ =>
            {
                await gate;
                await Task.Yield();
                Body();
            }, name: $"async-{i}", daemon: daemon);
    }

    private static async Task<JoinOutcome> TimedJoinAsync(ActorThread thread, TimeSpan timeout)
    {
        try
        {
            if (!await thread.JoinAsync(timeout)) return JoinOutcome.TimedOut;
            return thread.IsAlive ? JoinOutcome.JoinedButStillAlive : JoinOutcome.Joined;
        }
        catch (Exception)
        {
            return JoinOutcome.Failed;
        }
    }

    private static async Task<JoinOutcome> JoinAsync(ActorThread thread, CancellationToken cancellationToken)
    {
        try
        {
            await thread.JoinAsync(cancellationToken);
            return thread.IsAlive ? JoinOutcome.JoinedButStillAlive : JoinOutcome.Joined;
        }
        catch (OperationCanceledException)
        {
            return JoinOutcome.Cancelled;
        }
        catch (Exception)
        {
            return JoinOutcome.Failed;
        }
    }

    private enum JoinOutcome
    {
        Joined,
        JoinedButStillAlive,
        TimedOut,
        Cancelled,
        Failed,
    }
}
