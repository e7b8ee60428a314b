using System.Diagnostics;
using Actors.Executor;

namespace Actors.Host.Demos;

/// <summary>
/// The tutorial's sleeps for jobs that start together, kept in the order their lengths promise. On an idle machine a
/// job that sleeps 3 s finishes after one that sleeps 2 s; on a busy one a thread that wakes late could swap them, and
/// the tutorial's output with them. Here a sleep of n seconds lasts its scaled length and, besides, until every shorter
/// job has finished and the tutorial's gap between the two lengths has passed since. On an idle machine that adds
/// nothing; on a busy one it keeps what the tutorial prints in the order it prints it, at any time scale.
/// </summary>
/// <remarks>
/// A job counts as finished when <see cref="Finished"/> is called for its length, or, for a job whose future is given
/// to <see cref="Track{T}"/>, when that future is done (so that <c>as_completed</c> and <c>done()</c> see the order too).
/// A sleep waits only for shorter jobs, so a shorter job must not be queued behind a longer one on the same worker: true
/// of the tutorial's [3, 2, 4] on two round-robin workers, where 4 follows 3.
/// </remarks>
internal sealed class SleepOrder
{
    private readonly DemoContext _context;
    private readonly SortedDictionary<double, TaskCompletionSource<long>> _finishedAt = new();

    /// <summary>Orders the sleeps of jobs with these lengths, in tutorial seconds.</summary>
    public SleepOrder(DemoContext context, IEnumerable<double> jobLengths)
    {
        _context = context;
        foreach (var length in jobLengths.Distinct())
            _finishedAt[length] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Blocks the calling thread (a job's worker) as <c>time.sleep(seconds)</c> does, in order; see the class.</summary>
    public void Sleep(double seconds)
    {
        _context.Sleep(seconds);
        foreach (var (length, finished) in Shorter(seconds))
        {
            var finishedAt = finished.Task.WaitAsync(_context.Cancellation).GetAwaiter().GetResult();
            var gap = GapLeft(finishedAt, seconds - length);
            if (gap > TimeSpan.Zero) Thread.Sleep(gap);
        }
    }

    /// <summary>Sleeps without blocking (the main program's <c>time.sleep(seconds)</c>), in order; see the class.</summary>
    public async Task SleepAsync(double seconds)
    {
        await _context.SleepAsync(seconds);
        foreach (var (length, finished) in Shorter(seconds))
        {
            var finishedAt = await finished.Task.WaitAsync(_context.Cancellation);
            var gap = GapLeft(finishedAt, seconds - length);
            if (gap > TimeSpan.Zero) await Task.Delay(gap, _context.Cancellation);
        }
    }

    /// <summary>Says that the job of this length has finished (call it last in the job, also when it fails).</summary>
    public void Finished(double seconds) => _finishedAt[seconds].TrySetResult(Stopwatch.GetTimestamp());

    /// <summary>The job of this length finishes when <paramref name="future"/> is done; returns the future.</summary>
    public ActorFuture<T> Track<T>(double seconds, ActorFuture<T> future)
    {
        future.AddDoneCallback(_ => Finished(seconds));
        return future;
    }

    private IEnumerable<KeyValuePair<double, TaskCompletionSource<long>>> Shorter(double seconds) =>
        _finishedAt.TakeWhile(entry => entry.Key < seconds);

    private TimeSpan GapLeft(long finishedAt, double tutorialGap) => _context.Seconds(tutorialGap) - Stopwatch.GetElapsedTime(finishedAt);
}
