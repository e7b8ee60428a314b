using System.Collections;

namespace Actors.Executor;

/// <summary>
/// The futures of an executor's accepted jobs that may not have started: what a shutdown with <c>cancelFutures</c>
/// cancels and a broken pool fails. Only a pending future can be cancelled or failed that way, and a future never
/// becomes pending again, so the others are dropped in bulk whenever the list has doubled since the last sweep: a list
/// append per job instead of a dictionary insert and remove.
/// </summary>
internal sealed class UnstartedJobs : IEnumerable<ActorFuture>
{
    private const int FirstSweepAt = 64;
    private readonly List<ActorFuture> _futures = new();
    private int _sweepAt = FirstSweepAt;

    /// <summary>Adds the future of a job just accepted, sweeping out those that have left the pending state first if due.</summary>
    public void Add(ActorFuture future)
    {
        if (_futures.Count >= _sweepAt)
        {
            _futures.RemoveAll(static f => f.State != FutureState.Pending);
            _sweepAt = Math.Max(FirstSweepAt, 2 * _futures.Count);
        }

        _futures.Add(future);
    }

    /// <summary>Forgets every future: no accepted job is left in flight.</summary>
    public void Clear()
    {
        _futures.Clear();
        _sweepAt = FirstSweepAt;
    }

    /// <inheritdoc />
    public List<ActorFuture>.Enumerator GetEnumerator() => _futures.GetEnumerator();

    IEnumerator<ActorFuture> IEnumerable<ActorFuture>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
