using System.Diagnostics;

namespace Actors.Cluster.Testing.Faults;

/// <summary>
/// Injects the faults of a <see cref="FaultSchedule"/> into an <see cref="InProcessCluster"/>: for each step, the fault;
/// its hold; then heal (links restored, terminated nodes restarted, the cluster whole again) and a calm while. Everything
/// it does is written to its log with the time since it started, beginning with the seed, so a failure can be replayed.
/// </summary>
/// <param name="cluster">The cluster to hurt.</param>
/// <param name="log">Where each action is written.</param>
public sealed class Nemesis(InProcessCluster cluster, Action<string> log)
{
    private readonly Stopwatch _clock = new();
    private int _faults;

    /// <summary>How many faults were injected.</summary>
    public int FaultsInjected => Volatile.Read(ref _faults);

    /// <summary>Runs the schedule to its end (or until <paramref name="cancellationToken"/>), leaving the cluster whole.</summary>
    public async Task RunAsync(FaultSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _clock.Start();
        Log($"nemesis seed {schedule.Seed}: {schedule}");
        foreach (var step in schedule.Steps)
        {
            if (cancellationToken.IsCancellationRequested) break;
            Log($"inject {step.Fault}");
            await step.Fault.InjectAsync(cluster).ConfigureAwait(false);
            Interlocked.Increment(ref _faults);
            await Delay(step.Hold, cancellationToken).ConfigureAwait(false);
            Log("heal");
            await cluster.HealAsync().ConfigureAwait(false);
            await cluster.RecoverAsync().ConfigureAwait(false);
            Log("whole again");
            await Delay(step.Calm, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Log(string line) => log($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {line}");

    private static async Task Delay(TimeSpan time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled: the nemesis still heals before it returns.
        }
    }
}
