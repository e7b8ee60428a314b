using Actors.Lock;
using Actors.Owners;
using Xunit.Abstractions;

namespace Actors.Tests.Storms;

/// <summary>Mutual exclusion under heavy contention, from async code and from actors.</summary>
public sealed class LockStormTests : CoordinatorTestKit
{
    private const int Owners = 64;
    private const int Cycles = 2_000;

    public LockStormTests(ITestOutputHelper output) : base(output)
    {
    }

    [Fact]
    public async Task Lock_64AsyncOwnersContend_NeverTwoInsideAndCounterExact()
    {
        var coordinator = ActorLock.Create(Sys);
        var owners = Enumerable.Range(0, Owners).Select(i => ActorOwner.Create(Sys, $"owner-{i}")).ToList();
        var inside = 0;
        var mostInside = 0;
        long counter = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = owners.Select(owner => Task.Run(async () =>
        {
            var mine = coordinator.WithOwner(owner.Ref);
            await start.Task;
            for (var i = 0; i < Cycles; i++)
            {
                await using (await mine.LockAsync())
                {
                    var now = Interlocked.Increment(ref inside);
                    if (now > Volatile.Read(ref mostInside)) Volatile.Write(ref mostInside, now);
                    counter++;
                    Interlocked.Decrement(ref inside);
                }
            }
        })).ToList();

        start.SetResult();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(1, mostInside);
        Assert.Equal((long)Owners * Cycles, counter);
        var state = await coordinator.GetStateAsync();
        Assert.Equal((false, 0), (state.Locked, state.Waiting));
        Assert.Equal((long)Owners * Cycles, state.FencingToken);
        foreach (var owner in owners) await owner.DisposeAsync();
    }

    [Fact]
    public void Lock_64ActorsContendByTell_NeverTwoInsideAndCounterExact()
    {
        var coordinator = Sys.ActorOf(ActorLock.Props());
        var shared = new SharedCounter();
        var reports = CreateTestProbe();
        for (var i = 0; i < Owners; i++)
            Sys.ActorOf(Props.Create(() => new LockingWorker(coordinator, shared, Cycles, reports.Ref)), $"worker-{i}");

        var done = reports.ReceiveN(Owners, TimeSpan.FromMinutes(3));

        Assert.All(done, d => Assert.Equal(Cycles, Assert.IsType<int>(d)));
        Assert.Equal(1, shared.MostInside);
        Assert.Equal((long)Owners * Cycles, shared.Value);
        coordinator.Tell(new LockProtocol.GetState(1), reports.Ref);
        var state = reports.ExpectMsg<LockProtocol.LockState>();
        Assert.Equal((false, 0), (state.Locked, state.Waiting));
    }

    /// <summary>Memory the workers share without any lock of its own: only the coordinator keeps them apart.</summary>
    private sealed class SharedCounter
    {
        private int _inside;
        public long Value;
        public int MostInside;

        public void Enter()
        {
            var now = Interlocked.Increment(ref _inside);
            if (now > Volatile.Read(ref MostInside)) Volatile.Write(ref MostInside, now);
        }

        public void Leave() => Interlocked.Decrement(ref _inside);
    }

    /// <summary>An actor that takes the lock by Tell, works when the grant arrives as a message, and releases.</summary>
    private sealed class LockingWorker : ReceiveActor
    {
        private long _nextRequest;
        private int _done;

        public LockingWorker(IActorRef coordinator, SharedCounter shared, int cycles, IActorRef report)
        {
            Receive<LockProtocol.Acquired>(acquired =>
            {
                shared.Enter();
                shared.Value++;
                shared.Leave();
                coordinator.Tell(new LockProtocol.Release(++_nextRequest, acquired.FencingToken));
            });
            Receive<LockProtocol.Released>(_ =>
            {
                if (++_done == cycles) report.Tell(_done);
                else coordinator.Tell(new LockProtocol.Acquire(++_nextRequest, Self));
            });
            coordinator.Tell(new LockProtocol.Acquire(++_nextRequest, Self));
        }
    }
}
