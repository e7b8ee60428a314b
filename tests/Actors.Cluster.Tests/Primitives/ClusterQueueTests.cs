using Actors.Hosting;

namespace Actors.Cluster.Tests.Primitives;

[Collection(ThreeNodeClusterCollection.Name)]
public sealed class ClusterQueueTests(ThreeNodeCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ClusterNodes Nodes => cluster.Nodes;

    [Fact]
    public async Task Queue_FilledOnOneNode_DrainedFromTwoOthers_DeliversEveryItemExactlyOnce() =>
        Assert.Equal(Enumerable.Range(0, 300), await QueueDrain.RunAsync(Nodes, "drained-queue", 300));

    [Fact]
    public async Task PriorityQueue_AcrossNodes_ServesSmallestFirst()
    {
        var producer = Nodes.Primitives(2).Queue<string>("priority-queue", QueueKind.Priority);
        foreach (var item in new[] { "pear", "apple", "quince", "banana" }) await producer.PutAsync(item).WaitAsync(Patience);
        var consumer = Nodes.Primitives(1).Queue<string>("priority-queue", QueueKind.Priority);
        var order = new List<string>();
        for (var i = 0; i < 4; i++) order.Add(await consumer.GetAsync().WaitAsync(Patience));
        Assert.Equal(["apple", "banana", "pear", "quince"], order);
    }

    [Fact]
    public async Task LifoAndSimpleQueues_AcrossNodes_KeepTheirOrder()
    {
        var lifo = Nodes.Primitives(0).Queue<int>("lifo-queue", QueueKind.Lifo);
        await lifo.PutManyAsync([1, 2, 3]).WaitAsync(Patience);
        var simple = Nodes.Primitives(0).SimpleQueue<int>("simple-queue");
        foreach (var item in new[] { 1, 2, 3 }) await simple.PutAsync(item).WaitAsync(Patience);

        var remoteLifo = Nodes.Primitives(2).Queue<int>("lifo-queue", QueueKind.Lifo);
        var remoteSimple = Nodes.Primitives(2).SimpleQueue<int>("simple-queue");
        Assert.Equal([3, 2, 1], await remoteLifo.GetManyAsync(3).WaitAsync(Patience));
        Assert.Equal(1, await remoteSimple.GetAsync().WaitAsync(Patience));
        Assert.Equal(2, await remoteSimple.GetAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Queue_GetCancelledOnAnotherNode_LosesNoItem()
    {
        var consumer = Nodes.Primitives(1).Queue<int>("cancelled-get-queue");
        for (var i = 0; i < 20; i++)
        {
            using var cancellation = new CancellationTokenSource();
            var waiting = consumer.GetAsync(cancellation.Token);
            var put = Nodes.Primitives(2).Queue<int>("cancelled-get-queue").PutAsync(i);
            await cancellation.CancelAsync();
            await put.WaitAsync(Patience);
            try
            {
                Assert.Equal(i, await waiting.WaitAsync(Patience));
            }
            catch (OperationCanceledException)
            {
                // The cancel won or the grant crossed it and was given back: either way the item is still in the queue.
                Assert.Equal(i, await consumer.GetAsync().WaitAsync(Patience));
            }
        }

        Assert.Equal(0, (await consumer.GetStateAsync().WaitAsync(Patience)).Count);
    }
}
