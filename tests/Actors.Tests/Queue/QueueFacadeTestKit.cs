using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;
using Xunit.Abstractions;

namespace Actors.Tests.Queue;

/// <summary>
/// What the tests of the async facades <see cref="ActorQueue{T}"/> and <see cref="ActorSimpleQueue{T}"/> share. Waits are
/// ordered by observing the coordinator's state, never by sleeping.
/// </summary>
public abstract class QueueFacadeTestKit : CoordinatorTestKit
{
    protected QueueFacadeTestKit(ITestOutputHelper? output = null) : base(output)
    {
    }

    protected static async Task<List<T>> DrainAsync<T>(Func<Task<T>> getNowait)
    {
        var items = new List<T>();
        while (true)
        {
            try
            {
                items.Add(await getNowait());
            }
            catch (QueueEmptyException)
            {
                return items;
            }
        }
    }
}
