using System.Diagnostics;
using Actors.Lock;
using Akka.Actor;

namespace Actors.Host.Compare.Scenarios;

/// <summary>(1) Many workers increment one counter under one lock; the final count must be workers × increments.</summary>
internal sealed class CounterScenario : IScenario
{
    public string Name => "counter";
    public string Title => "counter incremented under one lock by many workers";
    public string Unit => "increment";
    public string? LatencyMeaning => "one locked increment as its worker sees it (wait + hold)";
    public IReadOnlyList<Way> Ways => [Way.SharedMemory, Way.Coordinator, Way.ActorNative];

    public Task<RunOutcome> RunAsync(Way way, ScenarioContext context) => way switch
    {
        Way.SharedMemory => SharedAsync(context.Sizes),
        Way.Coordinator => CoordinatorAsync(context),
        _ => NativeAsync(context),
    };

    private static RunOutcome Outcome(CompareSizes sizes, long count, TimeSpan elapsed, IEnumerable<LatencyRecorder> recorders)
    {
        var expected = (long)sizes.CounterWorkers * sizes.IncrementsPerWorker;
        return new RunOutcome(expected, elapsed, count == expected, $"final count {count} of {expected}", LatencyRecorder.Merge(recorders));
    }

    private static async Task<RunOutcome> SharedAsync(CompareSizes sizes)
    {
        var gate = new object();
        long count = 0;
        var recorders = Enumerable.Range(0, sizes.CounterWorkers).Select(_ => new LatencyRecorder(sizes.IncrementsPerWorker)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(recorders.Select(recorder => Task.Run(() =>
        {
            for (var i = 0; i < sizes.IncrementsPerWorker; i++)
            {
                var start = Stopwatch.GetTimestamp();
                lock (gate) count++;
                recorder.Add(start);
            }
        })));
        return Outcome(sizes, count, clock.Elapsed, recorders);
    }

    private sealed class Box
    {
        public long Count;
    }

    private static async Task<RunOutcome> CoordinatorAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var actorLock = ActorLock.Create(context.System);
        try
        {
            // The count is plain memory that only the holder of the actor lock touches.
            var box = new Box();
            var recorders = Enumerable.Range(0, sizes.CounterWorkers).Select(_ => new LatencyRecorder(sizes.IncrementsPerWorker)).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
            {
                for (var i = 0; i < sizes.IncrementsPerWorker; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await using (await actorLock.LockAsync(context.Cancellation)) box.Count++;
                    recorder.Add(start);
                }
            })));
            var elapsed = clock.Elapsed;
            // The last release is a Tell; acquiring once more orders this read after every increment.
            await using (await actorLock.LockAsync(context.Cancellation)) return Outcome(sizes, box.Count, elapsed, recorders);
        }
        finally
        {
            context.System.Stop(actorLock.Coordinator);
        }
    }

    private static async Task<RunOutcome> NativeAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var counter = context.System.ActorOf(Props.Create(() => new CounterActor()));
        try
        {
            var recorders = Enumerable.Range(0, sizes.CounterWorkers).Select(_ => new LatencyRecorder(sizes.IncrementsPerWorker)).ToArray();
            var done = recorders.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var clock = Stopwatch.StartNew();
            var workers = recorders.Select((r, i) => context.System.ActorOf(Props.Create(() => new IncrementWorker(counter, sizes.IncrementsPerWorker, r, done[i])))).ToList();
            await Task.WhenAll(done.Select(d => d.Task));
            var elapsed = clock.Elapsed;
            workers.ForEach(context.System.Stop);
            var count = await counter.Ask<long>(CounterActor.Read.Instance, TimeSpan.FromSeconds(30));
            return Outcome(sizes, count, elapsed, recorders);
        }
        finally
        {
            context.System.Stop(counter);
        }
    }

    /// <summary>Owns the count; every increment is a message, acknowledged so that workers keep one in flight, as with a lock.</summary>
    private sealed class CounterActor : ReceiveActor
    {
        public sealed class Increment { public static readonly Increment Instance = new(); }
        public sealed class Incremented { public static readonly Incremented Instance = new(); }
        public sealed class Read { public static readonly Read Instance = new(); }

        private long _count;

        public CounterActor()
        {
            Receive<Increment>(_ =>
            {
                _count++;
                Sender.Tell(Incremented.Instance);
            });
            Receive<Read>(_ => Sender.Tell(_count));
        }
    }

    private sealed class IncrementWorker : ReceiveActor
    {
        private readonly IActorRef _counter;
        private readonly LatencyRecorder _recorder;
        private int _remaining;
        private long _sentAt;

        public IncrementWorker(IActorRef counter, int times, LatencyRecorder recorder, TaskCompletionSource done)
        {
            _counter = counter;
            _recorder = recorder;
            _remaining = times;
            Receive<CounterActor.Incremented>(_ =>
            {
                _recorder.Add(_sentAt);
                if (--_remaining == 0) done.TrySetResult();
                else Send();
            });
        }

        protected override void PreStart()
        {
            if (_remaining > 0) Send();
        }

        private void Send()
        {
            _sentAt = Stopwatch.GetTimestamp();
            _counter.Tell(CounterActor.Increment.Instance);
        }
    }
}
