using System.Diagnostics;
using Actors.Barrier;
using Akka.Actor;

namespace Actors.Host.Compare.Scenarios;

/// <summary>
/// (5) Parties run phases separated by a barrier; nobody may pass a phase's barrier before every party has arrived at it.
/// </summary>
internal sealed class BarrierScenario : IScenario
{
    public string Name => "barrier";
    public string Title => "barrier phases";
    public string Unit => "phase";
    public string? LatencyMeaning => "one party's wait at the barrier";
    public IReadOnlyList<Way> Ways => [Way.SharedMemory, Way.Coordinator, Way.ActorNative];

    public Task<RunOutcome> RunAsync(Way way, ScenarioContext context) => way switch
    {
        Way.SharedMemory => SharedAsync(context),
        Way.Coordinator => CoordinatorAsync(context),
        _ => NativeAsync(context),
    };

    /// <summary>A little work per phase, so that parties arrive at slightly different times.</summary>
    private static int Work(int party, int phase)
    {
        var x = party * 31 + phase;
        for (var i = 0; i < 200 * (party + 1); i++) x = x * 1_103_515_245 + 12_345;
        return x;
    }

    /// <summary>
    /// Counts arrivals per phase and early passes. An instrument shared by the shared-memory and coordinator ways
    /// (Interlocked); the actor-native way checks the same inside its phase actor.
    /// </summary>
    private sealed class PhaseCheck(int phases)
    {
        private readonly int[] _arrived = new int[phases];
        private int _early;

        public int Early => Volatile.Read(ref _early);

        public void Arrive(int phase) => Interlocked.Increment(ref _arrived[phase]);

        public void Passed(int phase, int parties)
        {
            if (Volatile.Read(ref _arrived[phase]) != parties) Interlocked.Increment(ref _early);
        }
    }

    private static RunOutcome Outcome(CompareSizes sizes, int early, int phasesDone, TimeSpan elapsed, IEnumerable<LatencyRecorder> recorders) =>
        new(sizes.BarrierPhases, elapsed, early == 0 && phasesDone == sizes.BarrierPhases,
            $"{phasesDone} of {sizes.BarrierPhases} phases, {early} passes before all had arrived", LatencyRecorder.Merge(recorders));

    private static async Task<RunOutcome> SharedAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var check = new PhaseCheck(sizes.BarrierPhases);
        using var barrier = new System.Threading.Barrier(sizes.BarrierParties);
        var recorders = Enumerable.Range(0, sizes.BarrierParties).Select(_ => new LatencyRecorder(sizes.BarrierPhases)).ToArray();
        var clock = Stopwatch.StartNew();
        // SignalAndWait blocks its thread: one dedicated thread per party, as Python's threads would be.
        await Task.WhenAll(recorders.Select((recorder, party) => Task.Factory.StartNew(() =>
        {
            for (var phase = 0; phase < sizes.BarrierPhases; phase++)
            {
                Work(party, phase);
                check.Arrive(phase);
                var start = Stopwatch.GetTimestamp();
                barrier.SignalAndWait(context.Cancellation);
                recorder.Add(start);
                check.Passed(phase, sizes.BarrierParties);
            }
        }, context.Cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        return Outcome(sizes, check.Early, sizes.BarrierPhases, clock.Elapsed, recorders);
    }

    private static async Task<RunOutcome> CoordinatorAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var check = new PhaseCheck(sizes.BarrierPhases);
        var barrier = ActorBarrier.Create(context.System, sizes.BarrierParties);
        try
        {
            var recorders = Enumerable.Range(0, sizes.BarrierParties).Select(_ => new LatencyRecorder(sizes.BarrierPhases)).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(recorders.Select((recorder, party) => Task.Run(async () =>
            {
                for (var phase = 0; phase < sizes.BarrierPhases; phase++)
                {
                    Work(party, phase);
                    check.Arrive(phase);
                    var start = Stopwatch.GetTimestamp();
                    await barrier.WaitAsync(context.Cancellation);
                    recorder.Add(start);
                    check.Passed(phase, sizes.BarrierParties);
                }
            })));
            return Outcome(sizes, check.Early, sizes.BarrierPhases, clock.Elapsed, recorders);
        }
        finally
        {
            context.System.Stop(barrier.Coordinator);
        }
    }

    /// <summary>A phase actor counts arrivals of the current phase and tells every party to go on when all have come.</summary>
    private static async Task<RunOutcome> NativeAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var result = new TaskCompletionSource<(int Early, int Phases)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorders = Enumerable.Range(0, sizes.BarrierParties).Select(_ => new LatencyRecorder(sizes.BarrierPhases)).ToArray();
        var clock = Stopwatch.StartNew();
        var phaseActor = context.System.ActorOf(Props.Create(() => new PhaseActor(sizes.BarrierParties, sizes.BarrierPhases, recorders, result)));
        try
        {
            var (early, phases) = await result.Task;
            var elapsed = clock.Elapsed;
            // The recorders belong to the parties, children of the phase actor: stop them before reading.
            await phaseActor.GracefulStop(TimeSpan.FromSeconds(30));
            return Outcome(sizes, early, phases, elapsed, recorders);
        }
        finally
        {
            context.System.Stop(phaseActor);
        }
    }

    private sealed record Arrive(int Phase);
    private sealed record Proceed(int Phase);

    private sealed class PhaseActor : ReceiveActor
    {
        private readonly List<IActorRef> _parties = [];
        private int _phase;
        private int _arrived;
        private int _early;

        public PhaseActor(int parties, int phases, LatencyRecorder[] recorders, TaskCompletionSource<(int, int)> result)
        {
            for (var p = 0; p < parties; p++)
            {
                var (party, recorder) = (p, recorders[p]);
                _parties.Add(Context.ActorOf(Props.Create(() => new Party(party, phases, recorder))));
            }
            Receive<Arrive>(arrive =>
            {
                if (arrive.Phase != _phase) _early++;
                if (++_arrived < parties) return;
                _arrived = 0;
                foreach (var p in _parties) p.Tell(new Proceed(_phase));
                if (++_phase == phases) result.TrySetResult((_early, _phase));
            });
        }
    }

    private sealed class Party : ReceiveActor
    {
        private readonly int _party;
        private readonly LatencyRecorder _recorder;
        private long _arrivedAt;

        public Party(int party, int phases, LatencyRecorder recorder)
        {
            (_party, _recorder) = (party, recorder);
            Receive<Proceed>(proceed =>
            {
                _recorder.Add(_arrivedAt);
                if (proceed.Phase + 1 < phases) Run(proceed.Phase + 1);
            });
        }

        protected override void PreStart() => Run(0);

        private void Run(int phase)
        {
            Work(_party, phase);
            _arrivedAt = Stopwatch.GetTimestamp();
            Context.Parent.Tell(new Arrive(phase));
        }
    }
}
