using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// What the tests of the batch methods of <see cref="ActorQueue{T}"/> and <see cref="ActorSimpleQueue{T}"/> share. Waits
/// are ordered by observing the coordinator's state, never by sleeping.
/// </summary>
public abstract class QueueBatchFacadeTestKit : CoordinatorTestKit
{
    /// <summary>Takes every item with zero-timeout batch gets until the queue is empty.</summary>
    protected static async Task<List<int>> DrainAsync(ActorQueue<int> queue)
    {
        var items = new List<int>();
        while (true)
        {
            try
            {
                items.AddRange(await queue.GetManyAsync(16, TimeSpan.Zero));
            }
            catch (QueueEmptyException)
            {
                return items;
            }
        }
    }

    protected static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();
}
