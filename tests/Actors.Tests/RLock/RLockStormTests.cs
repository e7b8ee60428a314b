using System.Diagnostics;
using Actors.Owners;
using Actors.RLock;
using Xunit.Abstractions;

namespace Actors.Tests.RLock;

/// <summary>Many async owners taking one re-entrant lock at depth two over and over.</summary>
public sealed class RLockStormTests : CoordinatorTestKit
{
    private const int Owners = 32;
    private const int Cycles = 5_000;
    private static readonly TimeSpan StormLimit = TimeSpan.FromMinutes(2);

    private readonly ITestOutputHelper _output;
    private int _inside;
    private int _overlaps;
    private long _counter;
    private long _lastToken;
    private int _tokenViolations;

    public RLockStormTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task LockAsyncNestedTwice_ManyOwnersContending_ExcludeEachOtherAndEndFree()
    {
        var coordinator = ActorRLock.CreateCoordinator(Sys);
        var owners = Enumerable.Range(0, Owners).Select(i => ActorOwner.Create(Sys, $"storm-owner-{i}")).ToList();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = owners.Select(o => Task.Run(() => RunCyclesAsync(new ActorRLock(coordinator, o.Ref), gate.Task))).ToList();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        await Task.WhenAll(workers).WaitAsync(StormLimit);
        clock.Stop();
        _output.WriteLine($"{Owners} owners x {Cycles} cycles at depth 2 in {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(0, _overlaps);
        Assert.Equal(0, _tokenViolations);
        Assert.Equal((long)Owners * Cycles, _counter);
        var state = await new ActorRLock(coordinator, owners[0].Ref).GetStateAsync();
        Assert.Equal((null, 0, 0), (state.Owner, state.Depth, state.Waiting));
        Assert.Equal((long)Owners * Cycles, state.FencingToken);

        foreach (var owner in owners) await owner.DisposeAsync();
    }

    private async Task RunCyclesAsync(ActorRLock rlock, Task gate)
    {
        await gate.ConfigureAwait(false);
        for (var i = 0; i < Cycles; i++)
        {
            await using var outer = await rlock.LockAsync().ConfigureAwait(false);
            await using var inner = await rlock.LockAsync().ConfigureAwait(false);
            if (Interlocked.Increment(ref _inside) > 1) Interlocked.Increment(ref _overlaps);

            // Plain, non-atomic updates: only mutual exclusion keeps them exact.
            _counter++;
            if (outer.FencingToken != inner.FencingToken || outer.FencingToken <= _lastToken) _tokenViolations++;
            _lastToken = outer.FencingToken;

            Interlocked.Decrement(ref _inside);
        }
    }
}
