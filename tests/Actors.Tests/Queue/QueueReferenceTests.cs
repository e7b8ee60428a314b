using System.Runtime.CompilerServices;
using Actors.Queue;

namespace Actors.Tests.Queue;

/// <summary>
/// Once <c>get()</c> has returned an item, the queue keeps no reference to it (Python's queue does not): for every
/// kind of queue, an item fetched and dropped by the caller can be collected while the queue lives on, idle.
/// </summary>
public sealed class QueueReferenceTests : CoordinatorTestKit
{
    private sealed class Payload(int rank)
    {
        public int Rank { get; } = rank;
    }

    private static readonly IComparer<Payload> ByRank = Comparer<Payload>.Create((a, b) => a.Rank.CompareTo(b.Rank));

    public static TheoryData<string> Kinds => ["fifo", "fifo-bounded", "lifo", "priority", "simple"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ItemFetched_QueueIdle_IsNotKeptReachable(string kind)
    {
        var (put, get, count) = Open(kind);
        var fetched = await PutAndFetchAsync(put, get);

        await AssertCollectedAsync(fetched, count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ItemHandedToAWaitingGetter_QueueIdle_IsNotKeptReachable(string kind)
    {
        var (put, get, count) = Open(kind);
        var fetched = await FetchByAWaitingGetterAsync(put, get, count);

        await AssertCollectedAsync(fetched, count);
    }

    private (Func<Payload, Task> Put, Func<Task<Payload>> Get, Func<Task<int>> Count) Open(string kind)
    {
        if (kind == "simple")
        {
            var simple = ActorSimpleQueue<Payload>.Create(Sys);
            return (simple.PutAsync, () => simple.GetAsync(), simple.CountAsync);
        }

        var queue = kind switch
        {
            "fifo" => ActorQueue<Payload>.Create(Sys),
            "fifo-bounded" => ActorQueue<Payload>.Create(Sys, maxSize: 2),
            "lifo" => ActorQueue<Payload>.CreateLifo(Sys),
            _ => ActorQueue<Payload>.CreatePriority(Sys, ByRank),
        };
        return (item => queue.PutAsync(item), () => queue.GetAsync(), queue.CountAsync);
    }

    /// <summary>Puts an item, gets it back, and keeps only a weak reference (in a method of its own, so no stack slot of the test holds it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> PutAndFetchAsync(Func<Payload, Task> put, Func<Task<Payload>> get)
    {
        await put(new Payload(1));
        var item = await get();
        Assert.Equal(1, item.Rank);
        return new WeakReference(item);
    }

    /// <summary>A getter waits on the empty queue, then an item is put and handed to it; only a weak reference is kept.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<WeakReference> FetchByAWaitingGetterAsync(Func<Payload, Task> put, Func<Task<Payload>> get, Func<Task<int>> count)
    {
        var getting = get();
        await Task.Delay(50);
        Assert.Equal(0, await count());
        await put(new Payload(2));
        var item = await getting.WaitAsync(Patience);
        Assert.Equal(2, item.Rank);
        return new WeakReference(item);
    }

    private static async Task AssertCollectedAsync(WeakReference fetched, Func<Task<int>> count)
    {
        for (var i = 0; i < 3 && fetched.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(fetched.IsAlive, "the queue still holds the item it handed out");
        Assert.Equal(0, await count());
    }
}
