using System.Diagnostics;
using Actors.Semaphore;
using Akka.Actor;

namespace Actors.Host.Compare.Scenarios;

/// <summary>
/// (4) Many clients run simulated I/O (a kernel sleep of a device thread, <see cref="SimulatedIo"/>) through a limit of
/// concurrent calls; the number of calls in flight must never exceed the limit, and every call must run. The check reports
/// how long the simulated I/O really lasted, so every way (and Python) can be seen to wait the same.
/// </summary>
internal sealed class SemaphoreScenario : IScenario
{
    public string Name => "semaphore";
    public string Title => "semaphore limiting concurrent simulated I/O, each call a kernel sleep of the asked length (.NET: on an I/O device " +
                           "thread, awaited; Python: time.sleep in the calling thread), its real mean length given in the check";
    public string Unit => "I/O call";
    public string? LatencyMeaning => "wait for a permit (or for a free I/O actor) before the call";
    public IReadOnlyList<Way> Ways => [Way.SharedMemory, Way.Coordinator, Way.ActorNative];

    public Task<RunOutcome> RunAsync(Way way, ScenarioContext context) => way switch
    {
        Way.SharedMemory => SharedAsync(context),
        Way.Coordinator => CoordinatorAsync(context),
        _ => NativeAsync(context),
    };

    private static RunOutcome Outcome(CompareSizes sizes, IoGauge gauge, TimeSpan elapsed, IEnumerable<LatencyRecorder> recorders)
    {
        var expected = sizes.IoClients * sizes.IoJobsPerClient;
        return new RunOutcome(expected, elapsed, gauge.Calls == expected && gauge.Max <= sizes.IoLimit,
            $"{gauge.Calls} of {expected} calls, at most {gauge.Max} at once (limit {sizes.IoLimit}), I/O {gauge.MeanIoMilliseconds:0.00} ms mean " +
            $"(asked {sizes.IoDelay.TotalMilliseconds:0.##} ms)", LatencyRecorder.Merge(recorders));
    }

    private static LatencyRecorder[] Recorders(CompareSizes sizes) =>
        Enumerable.Range(0, sizes.IoClients).Select(_ => new LatencyRecorder(sizes.IoJobsPerClient)).ToArray();

    private static async Task<RunOutcome> SharedAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        using var gauge = new IoGauge(sizes.IoDelay, sizes.IoClients);
        using var semaphore = new SemaphoreSlim(sizes.IoLimit);
        var recorders = Recorders(sizes);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
        {
            for (var i = 0; i < sizes.IoJobsPerClient; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await semaphore.WaitAsync(context.Cancellation);
                recorder.Add(start);
                try { await gauge.CallAsync(); }
                finally { semaphore.Release(); }
            }
        })));
        return Outcome(sizes, gauge, clock.Elapsed, recorders);
    }

    private static async Task<RunOutcome> CoordinatorAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        using var gauge = new IoGauge(sizes.IoDelay, sizes.IoClients);
        var semaphore = ActorSemaphore.CreateBounded(context.System, sizes.IoLimit);
        try
        {
            var recorders = Recorders(sizes);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
            {
                for (var i = 0; i < sizes.IoJobsPerClient; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await using (await semaphore.EnterAsync(context.Cancellation))
                    {
                        recorder.Add(start);
                        await gauge.CallAsync();
                    }
                }
            })));
            return Outcome(sizes, gauge, clock.Elapsed, recorders);
        }
        finally
        {
            context.System.Stop(semaphore.Coordinator);
        }
    }

    /// <summary>
    /// The limit is structural: a dispatcher hands calls to a fixed set of I/O actors, each doing one call at a time.
    /// Clients are actors too and send their next call when the previous one is done.
    /// </summary>
    private static async Task<RunOutcome> NativeAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        using var gauge = new IoGauge(sizes.IoDelay, sizes.IoClients);
        var recorder = new LatencyRecorder(sizes.IoClients * sizes.IoJobsPerClient);
        var dispatcher = context.System.ActorOf(Props.Create(() => new Dispatcher(sizes.IoLimit, gauge, recorder)));
        var clients = new List<IActorRef>();
        try
        {
            var done = Enumerable.Range(0, sizes.IoClients).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var signal in done)
                clients.Add(context.System.ActorOf(Props.Create(() => new Client(dispatcher, sizes.IoJobsPerClient, signal))));
            await Task.WhenAll(done.Select(d => d.Task));
            var elapsed = clock.Elapsed;
            // The recorder belongs to the dispatcher; stopping it first makes its last writes visible (the stop is a message).
            await dispatcher.GracefulStop(TimeSpan.FromSeconds(30));
            return Outcome(sizes, gauge, elapsed, [recorder]);
        }
        finally
        {
            foreach (var a in clients.Append(dispatcher)) context.System.Stop(a);
        }
    }

    private sealed record Call(IActorRef Client, long SubmittedAt);
    private sealed class CallDone { public static readonly CallDone Instance = new(); }
    private sealed record WorkerIdle(IActorRef Worker);

    private sealed class Client : ReceiveActor
    {
        private readonly IActorRef _dispatcher;
        private int _remaining;

        public Client(IActorRef dispatcher, int calls, TaskCompletionSource done)
        {
            (_dispatcher, _remaining) = (dispatcher, calls);
            Receive<CallDone>(_ =>
            {
                if (--_remaining == 0) done.TrySetResult();
                else Send();
            });
        }

        protected override void PreStart() => Send();

        private void Send() => _dispatcher.Tell(new Call(Self, Stopwatch.GetTimestamp()));
    }

    private sealed class Dispatcher : ReceiveActor
    {
        private readonly Queue<Call> _pending = new();
        private readonly Stack<IActorRef> _idle = new();

        public Dispatcher(int limit, IoGauge gauge, LatencyRecorder recorder)
        {
            for (var i = 0; i < limit; i++) _idle.Push(Context.ActorOf(Props.Create(() => new IoWorker(gauge))));
            Receive<Call>(call =>
            {
                _pending.Enqueue(call);
                Dispatch(recorder);
            });
            Receive<WorkerIdle>(idle =>
            {
                _idle.Push(idle.Worker);
                Dispatch(recorder);
            });
        }

        private void Dispatch(LatencyRecorder recorder)
        {
            while (_idle.Count > 0 && _pending.Count > 0)
            {
                var call = _pending.Dequeue();
                recorder.Add(call.SubmittedAt);
                _idle.Pop().Tell(call);
            }
        }
    }

    /// <summary>Does one call at a time: the delay's completion comes back as a message (PipeTo), never awaited in a handler.</summary>
    private sealed class IoWorker : ReceiveActor
    {
        private sealed record Finished(Call Call);

        public IoWorker(IoGauge gauge)
        {
            Receive<Call>(call => gauge.CallAsync().PipeTo(Self, success: () => new Finished(call)));
            Receive<Finished>(f =>
            {
                f.Call.Client.Tell(CallDone.Instance);
                Context.Parent.Tell(new WorkerIdle(Self));
            });
        }
    }
}
