using System.Diagnostics;

namespace Actors.Host.Demos;

/// <summary>
/// The countdown of scenarios 1 and 2 (<c>print('task', n)</c>, then <c>2s</c>, <c>1s</c>, <c>0s</c> with a one-second
/// sleep before each and after the last), run by several threads in lockstep.
/// </summary>
/// <remarks>
/// The tutorial's threads interleave because they sleep equally long; a thread that wakes late on a busy machine could
/// print its <c>1s</c> before the other's <c>2s</c>. Here every sleep lasts its scaled length and, besides, until every
/// thread has finished the step before it (a <see cref="System.Threading.Barrier"/> of the counting threads), so both <c>task</c> lines
/// come first and each step's lines come before the next step's, at any time scale. On an idle machine that adds nothing.
/// </remarks>
internal sealed class Countdown(DemoContext context, int threads) : IDisposable
{
    private static readonly string[] Steps = ["2s", "1s", "0s"];
    private readonly System.Threading.Barrier _step = new(threads);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The tutorial's <c>run(n)</c>; blocks the calling thread (a thread's body) for four tutorial seconds.</summary>
    public void Run(string n, CancellationToken cancellationToken)
    {
        context.WriteLine($"task {n}");
        Sleep(cancellationToken);
        foreach (var step in Steps)
        {
            context.WriteLine($"{step}  ({n})");
            Sleep(cancellationToken);
        }
    }

    /// <summary>Prints how long the countdowns took, in tutorial seconds, next to one countdown and two in a row.</summary>
    public void PrintElapsed()
    {
        var elapsed = _clock.Elapsed.TotalSeconds / context.Settings.TimeScale;
        context.WriteLine($"both countdowns done after {elapsed:0.0} s of tutorial time: they ran side by side (one countdown is 4 s, two in a row 8 s)");
    }

    public void Dispose() => _step.Dispose();

    private void Sleep(CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne(context.Seconds(1));
        _step.SignalAndWait(cancellationToken);
    }
}
