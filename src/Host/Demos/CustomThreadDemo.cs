using Actors.Threads;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 2 (自定义线程): the countdown of <see cref="ThreadsDemo"/>, defined by deriving from the thread class and
/// overriding its body, as the tutorial's <c>class MyThread(threading.Thread)</c> overrides <c>run</c>. Same output.
/// </summary>
internal sealed class CustomThreadDemo : IDemo
{
    public int Number => 2;

    public string Name => "custom-thread";

    public string Title => "the same countdown from a subclass that overrides Run (class MyThread(threading.Thread))";

    public async Task RunAsync(DemoContext context)
    {
        using var countdown = new Countdown(context, threads: 2);
        var t1 = new MyThread(context, countdown, "t1");
        var t2 = new MyThread(context, countdown, "t2");
        t1.Start();
        t2.Start();

        await ThreadRegistry.Get(context.System).WaitForNonDaemonThreadsAsync(context.Cancellation);
        countdown.PrintElapsed();
    }

    /// <summary>The tutorial's <c>MyThread</c>: keeps <c>n</c> and overrides <c>run</c>.</summary>
    private sealed class MyThread : ActorThread
    {
        private readonly Countdown _countdown;
        private readonly string _n;

        public MyThread(DemoContext context, Countdown countdown, string n) : base(context.System, name: n)
        {
            _countdown = countdown;
            _n = n;
        }

        protected override void Run(CancellationToken cancellationToken) => _countdown.Run(_n, cancellationToken);
    }
}
