using Actors.Queue;

namespace Actors.Tests.Queue;

/// <summary>The item stores on their own: order, give-back places, and a comparer that throws.</summary>
public sealed class ItemStoreTests
{
    private static ItemStore.Priority NewPriority() =>
        new(Comparer<object?>.Create((a, b) => ((int)a!).CompareTo((int)b!)), item => item is int);

    [Fact]
    public void Priority_RandomAddsTakesAndReturns_AlwaysMatchesASortedReference()
    {
        var random = new Random(3);
        var store = NewPriority();
        var reference = new SortedSet<(int Item, long Sequence)>();
        long sequence = 0;
        for (var step = 0; step < 20_000; step++)
        {
            if (reference.Count > 0 && random.Next(3) == 0)
            {
                var taken = store.Take();
                var expected = reference.Min;
                Assert.Equal(expected, ((int)taken.Item!, taken.Sequence));
                reference.Remove(expected);
                if (random.Next(4) == 0)
                {
                    store.Return(taken);
                    reference.Add(expected);
                }
            }
            else
            {
                var item = random.Next(50);
                store.Add(new QueueEntry(item, ++sequence));
                reference.Add((item, sequence));
            }

            Assert.Equal(reference.Count, store.Count);
        }
    }

    [Fact]
    public void Priority_ComparerThrows_LeavesTheHeapAsItWas()
    {
        var store = NewPriority();
        foreach (var n in new[] { 5, 1, 4, 2, 3 }) store.Add(new QueueEntry(n, n));
        Assert.ThrowsAny<Exception>(() => store.Add(new QueueEntry("not a number", 99)));
        Assert.Equal(5, store.Count);
        Assert.Equal([1, 2, 3, 4, 5], Enumerable.Range(0, 5).Select(_ => (int)store.Take().Item!));
    }

    [Fact]
    public void Fifo_ItemsReturnedInAnyOrder_GoBackToTheirPlaces()
    {
        var store = new ItemStore.Fifo();
        for (var n = 1; n <= 5; n++) store.Add(new QueueEntry(n, n));
        var first = store.Take();
        var second = store.Take();
        store.Add(new QueueEntry(6, 6));
        store.Return(second);
        store.Return(first);
        Assert.Equal([1, 2, 3, 4, 5, 6], Enumerable.Range(0, 6).Select(_ => (int)store.Take().Item!));
    }

    [Fact]
    public void Lifo_ItemsReturnedInAnyOrder_GoBackUnderNewerOnes()
    {
        var store = new ItemStore.Lifo();
        for (var n = 1; n <= 3; n++) store.Add(new QueueEntry(n, n));
        var top = store.Take();
        var next = store.Take();
        store.Add(new QueueEntry(4, 4));
        store.Return(top);
        store.Return(next);
        Assert.Equal([4, 3, 2, 1], Enumerable.Range(0, 4).Select(_ => (int)store.Take().Item!));
    }
}
