using System.Diagnostics;
using Actors.Lock;
using Akka.Actor;

namespace Actors.Host.Compare.Scenarios;

/// <summary>
/// (2) Transfers between accounts by several workers, two locks per transfer (taken in account order, so no deadlock);
/// the money must be conserved. Every way replays the same seeded transfers.
/// </summary>
internal sealed class BankScenario : IScenario
{
    private const long InitialBalance = 1_000;

    public string Name => "bank";
    public string Title => "bank transfers between accounts, two locks per transfer";
    public string Unit => "transfer";
    public string? LatencyMeaning => "one transfer as its worker sees it (both locks, or withdraw + deposit messages)";
    public IReadOnlyList<Way> Ways => [Way.SharedMemory, Way.Coordinator, Way.ActorNative];

    public Task<RunOutcome> RunAsync(Way way, ScenarioContext context) => way switch
    {
        Way.SharedMemory => SharedAsync(context.Sizes),
        Way.Coordinator => CoordinatorAsync(context),
        _ => NativeAsync(context),
    };

    /// <summary>The transfers of one worker: from, to, amount; the same in every way.</summary>
    private static (int From, int To, long Amount)[] Plan(CompareSizes sizes, int worker)
    {
        var random = new Random(1_000 + worker);
        return Enumerable.Range(0, sizes.TransfersPerWorker).Select(_ =>
        {
            var from = random.Next(sizes.Accounts);
            var to = (from + 1 + random.Next(sizes.Accounts - 1)) % sizes.Accounts;
            return (from, to, (long)random.Next(1, 200));
        }).ToArray();
    }

    private static RunOutcome Outcome(CompareSizes sizes, IReadOnlyCollection<long> balances, TimeSpan elapsed, IEnumerable<LatencyRecorder> recorders)
    {
        var expected = sizes.Accounts * InitialBalance;
        var total = balances.Sum();
        var negative = balances.Count(b => b < 0);
        return new RunOutcome((long)sizes.BankWorkers * sizes.TransfersPerWorker, elapsed, total == expected && negative == 0,
            $"money {total} of {expected}, {negative} negative balances", LatencyRecorder.Merge(recorders));
    }

    private static LatencyRecorder[] Recorders(CompareSizes sizes) =>
        Enumerable.Range(0, sizes.BankWorkers).Select(_ => new LatencyRecorder(sizes.TransfersPerWorker)).ToArray();

    private static async Task<RunOutcome> SharedAsync(CompareSizes sizes)
    {
        var balances = Enumerable.Repeat(InitialBalance, sizes.Accounts).ToArray();
        var locks = Enumerable.Range(0, sizes.Accounts).Select(_ => new object()).ToArray();
        var recorders = Recorders(sizes);
        var plans = Enumerable.Range(0, sizes.BankWorkers).Select(w => Plan(sizes, w)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(recorders.Select((recorder, w) => Task.Run(() =>
        {
            foreach (var (from, to, amount) in plans[w])
            {
                var start = Stopwatch.GetTimestamp();
                lock (locks[Math.Min(from, to)])
                lock (locks[Math.Max(from, to)])
                {
                    if (balances[from] >= amount)
                    {
                        balances[from] -= amount;
                        balances[to] += amount;
                    }
                }
                recorder.Add(start);
            }
        })));
        return Outcome(sizes, balances, clock.Elapsed, recorders);
    }

    private static async Task<RunOutcome> CoordinatorAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var balances = Enumerable.Repeat(InitialBalance, sizes.Accounts).ToArray();
        var locks = Enumerable.Range(0, sizes.Accounts).Select(_ => ActorLock.Create(context.System)).ToArray();
        try
        {
            var recorders = Recorders(sizes);
            var plans = Enumerable.Range(0, sizes.BankWorkers).Select(w => Plan(sizes, w)).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(recorders.Select((recorder, w) => Task.Run(async () =>
            {
                foreach (var (from, to, amount) in plans[w])
                {
                    var start = Stopwatch.GetTimestamp();
                    await using (await locks[Math.Min(from, to)].LockAsync(context.Cancellation))
                    await using (await locks[Math.Max(from, to)].LockAsync(context.Cancellation))
                    {
                        if (balances[from] >= amount)
                        {
                            balances[from] -= amount;
                            balances[to] += amount;
                        }
                    }
                    recorder.Add(start);
                }
            })));
            var elapsed = clock.Elapsed;
            // Releases are Tells: take every lock once more so that the sum reads the last writes.
            foreach (var l in locks) await using (await l.LockAsync(context.Cancellation)) { }
            return Outcome(sizes, balances, elapsed, recorders);
        }
        finally
        {
            foreach (var l in locks) context.System.Stop(l.Coordinator);
        }
    }

    private static async Task<RunOutcome> NativeAsync(ScenarioContext context)
    {
        var sizes = context.Sizes;
        var accounts = Enumerable.Range(0, sizes.Accounts).Select(_ => context.System.ActorOf(Props.Create(() => new AccountActor(InitialBalance)))).ToArray();
        var workers = new List<IActorRef>();
        try
        {
            var recorders = Recorders(sizes);
            var plans = Enumerable.Range(0, sizes.BankWorkers).Select(w => Plan(sizes, w)).ToArray();
            var done = recorders.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var clock = Stopwatch.StartNew();
            for (var w = 0; w < sizes.BankWorkers; w++)
            {
                var (plan, recorder, signal) = (plans[w], recorders[w], done[w]);
                workers.Add(context.System.ActorOf(Props.Create(() => new TransferWorker(accounts, plan, recorder, signal))));
            }
            await Task.WhenAll(done.Select(d => d.Task));
            var elapsed = clock.Elapsed;
            var balances = await Task.WhenAll(accounts.Select(a => a.Ask<long>(AccountActor.Read.Instance, TimeSpan.FromSeconds(30))));
            return Outcome(sizes, balances, elapsed, recorders);
        }
        finally
        {
            foreach (var a in accounts.Concat(workers)) context.System.Stop(a);
        }
    }

    /// <summary>Owns one balance. A transfer is a withdrawal here, then a deposit at the other account: no lock, no shared memory.</summary>
    private sealed class AccountActor : ReceiveActor
    {
        public sealed record Withdraw(long Amount);
        public sealed record Withdrawn(bool Done);
        public sealed record Deposit(long Amount);
        public sealed class Deposited { public static readonly Deposited Instance = new(); }
        public sealed class Read { public static readonly Read Instance = new(); }

        private long _balance;

        public AccountActor(long balance)
        {
            _balance = balance;
            Receive<Withdraw>(w =>
            {
                var done = _balance >= w.Amount;
                if (done) _balance -= w.Amount;
                Sender.Tell(new Withdrawn(done));
            });
            Receive<Deposit>(d =>
            {
                _balance += d.Amount;
                Sender.Tell(Deposited.Instance);
            });
            Receive<Read>(_ => Sender.Tell(_balance));
        }
    }

    /// <summary>Runs its transfers one after the other: withdraw, and if that succeeded, deposit.</summary>
    private sealed class TransferWorker : ReceiveActor
    {
        private readonly IActorRef[] _accounts;
        private readonly (int From, int To, long Amount)[] _plan;
        private readonly LatencyRecorder _recorder;
        private readonly TaskCompletionSource _done;
        private int _next;
        private long _startedAt;

        public TransferWorker(IActorRef[] accounts, (int From, int To, long Amount)[] plan, LatencyRecorder recorder, TaskCompletionSource done)
        {
            (_accounts, _plan, _recorder, _done) = (accounts, plan, recorder, done);
            Receive<AccountActor.Withdrawn>(w =>
            {
                if (w.Done) _accounts[_plan[_next].To].Tell(new AccountActor.Deposit(_plan[_next].Amount));
                else Finished();
            });
            Receive<AccountActor.Deposited>(_ => Finished());
        }

        protected override void PreStart() => Start();

        private void Finished()
        {
            _recorder.Add(_startedAt);
            _next++;
            Start();
        }

        private void Start()
        {
            if (_next == _plan.Length)
            {
                _done.TrySetResult();
                return;
            }
            _startedAt = Stopwatch.GetTimestamp();
            _accounts[_plan[_next].From].Tell(new AccountActor.Withdraw(_plan[_next].Amount));
        }
    }
}
