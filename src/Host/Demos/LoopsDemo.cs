using System.Diagnostics;
using Actors.Threads;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 16 (创建线程的方法 1-3): the tutorial's <c>loop(nloop, nsec)</c> with <c>loops = [4, 2]</c>, run three times,
/// once for each way of making a thread: from a function, from a callable object, and from a subclass. Each round prints
/// <c>starting at</c>, both loops start together, loop 1 (2 s) finishes before loop 0 (4 s), and <c>all done</c> comes
/// after about 4 s, once the main program has joined both.
/// </summary>
/// <remarks>
/// The tutorial's code has typos (<c>loops(i)</c>, <c>loop[i]</c>, <c>inn</c>, an undefined <c>MyThread</c>); this is what
/// it meant. Its order rests on the sleep lengths; here a loop's sleep starts once both loops have started, and the
/// 4-second sleep lasts besides until the 2-second loop has finished (see <see cref="SleepOrder"/>), so the order holds
/// on a busy machine too.
/// </remarks>
internal sealed class LoopsDemo : IDemo
{
    private static readonly double[] Loops = [4, 2];

    public int Number => 16;

    public string Name => "loops";

    public string Title => "loops of 4 s and 2 s on threads made from a function, a callable object and a subclass";

    public async Task RunAsync(DemoContext context)
    {
        await RoundAsync(context, "1. Thread(target=loop, args=(i, loops[i]))",
            (loop, i) => new ActorThread(context.System, (args, _) => loop((int)args[0]!, (double)args[1]!), args: [i, Loops[i]]));
        await RoundAsync(context, "2. Thread(target=ThreadFunc(loop, (i, loops[i]), loop.__name__))",
            (loop, i) =>
            {
                var func = new ThreadFunc(loop, i, Loops[i], "loop");
                return new ActorThread(context.System, _ => func.Call(), name: func.Name);
            });
        await RoundAsync(context, "3. MyThread(loop, (i, loops[i]), loop.__name__), a subclass overriding run",
            (loop, i) => new MyThread(context, loop, i, Loops[i], "loop"));
    }

    private static async Task RoundAsync(DemoContext context, string how, Func<Action<int, double>, int, ActorThread> create)
    {
        context.WriteLine($"--- {how}");
        var order = new SleepOrder(context, Loops);
        using var allStarted = new CountdownEvent(Loops.Length);

        void Loop(int nloop, double nsec)
        {
            context.WriteLine($"start loop {nloop} at: {Now()}");
            allStarted.Signal();
            allStarted.Wait(context.Cancellation);
            order.Sleep(nsec);
            context.WriteLine($"loop {nloop} done at: {Now()}");
            order.Finished(nsec);
        }

        context.WriteLine($"starting at: {Now()}");
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Loops.Length).Select(i => create(Loop, i)).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) await t.JoinAsync(context.Cancellation);
        var elapsed = clock.Elapsed.TotalSeconds / context.Settings.TimeScale;
        context.WriteLine($"all done at: {Now()}  ({elapsed:0.0} s of tutorial time; the loops sleep 4 s and 2 s side by side)");
    }

    private static string Now() => DateTime.Now.ToString("HH:mm:ss.fff");

    /// <summary>The tutorial's callable class: keeps a function and its arguments and calls it (Python's <c>__call__</c>).</summary>
    private sealed class ThreadFunc(Action<int, double> func, int nloop, double nsec, string name)
    {
        public string Name { get; } = name;

        public void Call() => func(nloop, nsec);
    }

    /// <summary>The tutorial's subclass: keeps a function and its arguments and calls them from <c>run</c>.</summary>
    private sealed class MyThread : ActorThread
    {
        private readonly Action<int, double> _func;
        private readonly int _nloop;
        private readonly double _nsec;

        public MyThread(DemoContext context, Action<int, double> func, int nloop, double nsec, string name) : base(context.System, name)
        {
            _func = func;
            _nloop = nloop;
            _nsec = nsec;
        }

        protected override void Run(CancellationToken cancellationToken) => _func(_nloop, _nsec);
    }
}
