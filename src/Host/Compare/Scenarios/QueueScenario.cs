using System.Diagnostics;
using System.Threading.Channels;
using Actors.Queue;
using Akka.Actor;

namespace Actors.Host.Compare.Scenarios;

/// <summary>(3) Producers and consumers through a bounded queue; every item must be consumed exactly once.</summary>
internal sealed class QueueScenario : IScenario
{
    public string Name => "queue";
    public string Title => "bounded producer/consumer queue";
    public string Unit => "item";
    public string? LatencyMeaning => "one item from put to get (time in the queue)";
    public IReadOnlyList<Way> Ways => [Way.SharedMemory, Way.Coordinator, Way.ActorNative];

    /// <summary>An item carries when it was put, so that its consumer can tell how long it waited.</summary>
    private readonly record struct Item(int Id, long PutAt);

    public Task<RunOutcome> RunAsync(Way way, ScenarioContext context) => way switch
    {
        Way.SharedMemory => SharedAsync(context),
        Way.Coordinator => CoordinatorAsync(context),
        _ => NativeAsync(context),
    };

    /// <summary>Ids of producer <paramref name="p"/>: every Producers-th id starting at p.</summary>
    private static IEnumerable<int> IdsOf(CompareSizes sizes, int p)
    {
        for (var id = p; id < sizes.QueueItems; id += sizes.Producers) yield return id;
    }

    private static RunOutcome Outcome(CompareSizes sizes, IEnumerable<List<int>> consumed, TimeSpan elapsed, IEnumerable<LatencyRecorder> recorders)
    {
        var seen = new int[sizes.QueueItems];
        var stray = 0;
        foreach (var id in consumed.SelectMany(c => c))
        {
            if (id >= 0 && id < seen.Length) seen[id]++;
            else stray++;
        }
        var missing = seen.Count(n => n == 0);
        var twice = seen.Count(n => n > 1);
        return new RunOutcome(sizes.QueueItems, elapsed, missing == 0 && twice == 0 && stray == 0,
            $"{sizes.QueueItems - missing} of {sizes.QueueItems} items consumed, {twice} more than once, {missing} never", LatencyRecorder.Merge(recorders));
    }

    private static async Task<RunOutcome> SharedAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(sizes.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        var consumed = Enumerable.Range(0, sizes.Consumers).Select(_ => new List<int>()).ToArray();
        var recorders = consumed.Select(_ => new LatencyRecorder(sizes.QueueItems / sizes.Consumers)).ToArray();
        var clock = Stopwatch.StartNew();
        var consumers = consumed.Select((mine, c) => Task.Run(async () =>
        {
            await foreach (var item in channel.Reader.ReadAllAsync(context.Cancellation))
            {
                recorders[c].Add(item.PutAt);
                mine.Add(item.Id);
            }
        })).ToArray();
        await Task.WhenAll(Enumerable.Range(0, sizes.Producers).Select(p => Task.Run(async () =>
        {
            foreach (var id in IdsOf(sizes, p)) await channel.Writer.WriteAsync(new Item(id, Stopwatch.GetTimestamp()), context.Cancellation);
        })));
        channel.Writer.Complete();
        await Task.WhenAll(consumers);
        return Outcome(sizes, consumed, clock.Elapsed, recorders);
    }

    private static async Task<RunOutcome> CoordinatorAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var queue = ActorQueue<Item>.Create(context.System, sizes.QueueCapacity);
        try
        {
            var consumed = Enumerable.Range(0, sizes.Consumers).Select(_ => new List<int>()).ToArray();
            var recorders = consumed.Select(_ => new LatencyRecorder(sizes.QueueItems / sizes.Consumers)).ToArray();
            var clock = Stopwatch.StartNew();
            var consumers = consumed.Select((mine, c) => Task.Run(async () =>
            {
                while (true)
                {
                    var item = await queue.GetAsync(context.Cancellation);
                    if (item.Id < 0) return; // one end marker per consumer
                    recorders[c].Add(item.PutAt);
                    mine.Add(item.Id);
                }
            })).ToArray();
            await Task.WhenAll(Enumerable.Range(0, sizes.Producers).Select(p => Task.Run(async () =>
            {
                foreach (var id in IdsOf(sizes, p)) await queue.PutAsync(new Item(id, Stopwatch.GetTimestamp()), context.Cancellation);
            })));
            for (var c = 0; c < sizes.Consumers; c++) await queue.PutAsync(new Item(-1, 0), context.Cancellation);
            await Task.WhenAll(consumers);
            return Outcome(sizes, consumed, clock.Elapsed, recorders);
        }
        finally
        {
            context.System.Stop(queue.Coordinator);
        }
    }

    /// <summary>
    /// No queue actor: producers send items straight to consumers (round robin), and keep at most their share of the
    /// capacity unacknowledged, so that memory stays bounded as with a bounded queue (credit-based flow control).
    /// </summary>
    private static async Task<RunOutcome> NativeAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var recorders = Enumerable.Range(0, sizes.Consumers).Select(_ => new LatencyRecorder(sizes.QueueItems / sizes.Consumers)).ToArray();
        var consumers = recorders.Select(r => context.System.ActorOf(Props.Create(() => new ConsumerActor(r)))).ToArray();
        var producers = new List<IActorRef>();
        try
        {
            var window = Math.Max(1, sizes.QueueCapacity / sizes.Producers);
            var done = Enumerable.Range(0, sizes.Producers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var clock = Stopwatch.StartNew();
            for (var p = 0; p < sizes.Producers; p++)
            {
                var (ids, signal, offset) = (IdsOf(sizes, p).ToArray(), done[p], p);
                producers.Add(context.System.ActorOf(Props.Create(() => new ProducerActor(ids, consumers, window, offset, signal))));
            }
            await Task.WhenAll(done.Select(d => d.Task));
            var elapsed = clock.Elapsed;
            var consumed = await Task.WhenAll(consumers.Select(c => c.Ask<List<int>>(ConsumerActor.Report.Instance, TimeSpan.FromSeconds(30))));
            return Outcome(sizes, consumed, elapsed, recorders);
        }
        finally
        {
            foreach (var a in consumers.Concat(producers)) context.System.Stop(a);
        }
    }

    private sealed class Ack { public static readonly Ack Instance = new(); }

    private sealed class ConsumerActor : ReceiveActor
    {
        public sealed class Report { public static readonly Report Instance = new(); }

        private readonly List<int> _consumed = [];

        public ConsumerActor(LatencyRecorder recorder)
        {
            Receive<Item>(item =>
            {
                recorder.Add(item.PutAt);
                _consumed.Add(item.Id);
                Sender.Tell(Ack.Instance);
            });
            // The list is handed over once, after every producer has heard every acknowledgement.
            Receive<Report>(_ => Sender.Tell(_consumed));
        }
    }

    private sealed class ProducerActor : ReceiveActor
    {
        private readonly int[] _ids;
        private readonly IActorRef[] _consumers;
        private int _next;
        private int _inFlight;
        private int _turn;
        private readonly int _window;
        private readonly TaskCompletionSource _done;

        public ProducerActor(int[] ids, IActorRef[] consumers, int window, int offset, TaskCompletionSource done)
        {
            (_ids, _consumers, _turn, _window, _done) = (ids, consumers, offset, window, done);
            Receive<Ack>(_ =>
            {
                _inFlight--;
                SendOne();
                if (_inFlight == 0 && _next == _ids.Length) done.TrySetResult();
            });
        }

        protected override void PreStart()
        {
            if (_ids.Length == 0) _done.TrySetResult();
            for (var i = 0; i < _window; i++) SendOne();
        }

        private void SendOne()
        {
            if (_next == _ids.Length) return;
            _consumers[_turn++ % _consumers.Length].Tell(new Item(_ids[_next++], Stopwatch.GetTimestamp()), Self);
            _inFlight++;
        }
    }
}
