using System.Collections.Concurrent;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// A bounded queue filled on node 0 in batches while nodes 1 and 2 drain it, each item marked done; the producer joins,
/// then shuts the queue down to end the drains. The items got are returned, for the test to check each came exactly once.
/// </summary>
public static class QueueDrain
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<List<int>> RunAsync(ClusterNodes nodes, string name, int count)
    {
        var producer = nodes.Primitives(0).Queue<int>(name, maxSize: 50);
        var got = new ConcurrentBag<int>();

        async Task Drain(int node)
        {
            var consumer = nodes.Primitives(node).Queue<int>(name, maxSize: 50);
            try
            {
                while (true)
                {
                    got.Add(await consumer.GetAsync());
                    await consumer.TaskDoneAsync();
                }
            }
            catch (Actors.Queue.QueueShutDownException)
            {
                // Every item was got and marked done; the producer shut the queue down to end the drains.
            }
        }

        var put = Task.Run(async () =>
        {
            for (var i = 0; i < count; i += 10) await producer.PutManyAsync(Enumerable.Range(i, 10));
        });
        var drains = new[] { Task.Run(() => Drain(1)), Task.Run(() => Drain(2)) };
        await put.WaitAsync(Patience);
        await producer.JoinAsync().WaitAsync(Patience);
        await producer.ShutdownAsync().WaitAsync(Patience);
        await Task.WhenAll(drains).WaitAsync(Patience);
        return [.. got.Order()];
    }
}
