using Actors.Lock;
using Actors.Owners;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 12 (死锁 第二种): two accounts, each with its own lock, and two transfers of 4000 in opposite directions,
/// each locking its source and then its destination. t1 holds hepang and waits for luoziyao while t2 holds luoziyao and
/// waits for hepang: the deadlock detector reports the cycle, then t2 backs off (cancels its wait, puts its withdrawal
/// back, unlocks) so t1 completes, and t2 retries. With <c>--ordered</c> both transfers lock the accounts in one global
/// order (by name) and no cycle can form. Either way the balances end at 10000/5000, 15000 in total.
/// </summary>
/// <remarks>
/// Python's program hangs for ever after printing <c>wait...</c> twice. Here the deadlock is reported on the actor
/// system's event stream and resolved by cancelling one wait; the steps are ordered by gates, not by sleeps, so the
/// output is the same on every run.
/// </remarks>
internal sealed class DeadlockTransferDemo : IDemo
{
    private const int Amount = 4000;

    private static readonly TimeSpan ReportPatience = TimeSpan.FromSeconds(30);

    public int Number => 12;

    public string Name => "deadlock-transfer";

    public string Title => "two opposite transfers lock from-then-to and deadlock (reported with the cycle); --ordered avoids it";

    public DemoVariants Variants => DemoVariants.Ordered;

    public async Task RunAsync(DemoContext context)
    {
        var hepang = new Account("hepang", 10000, ActorLock.Create(context.System, "hepang"));
        var luoziyao = new Account("luoziyao", 5000, ActorLock.Create(context.System, "luoziyao"));
        await using var t1 = ActorOwner.Create(context.System, "t1");
        await using var t2 = ActorOwner.Create(context.System, "t2");

        if (context.Settings.Ordered) await OrderedAsync(context, hepang, luoziyao, t1, t2);
        else await DeadlockingAsync(context, hepang, luoziyao, t1, t2);

        var total = hepang.Balance + luoziyao.Balance;
        context.WriteLine($"balances: hepang {hepang.Balance}, luoziyao {luoziyao.Balance}, total {total}");
    }

    /// <summary>The tutorial's transfers: each locks from, then to; they deadlock, the detector reports it, t2 backs off.</summary>
    private static async Task DeadlockingAsync(DemoContext context, Account hepang, Account luoziyao, ActorOwner t1, ActorOwner t2)
    {
        await using var listener = DeadlockListener.Start(context.System);
        var t1Locked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var t2Locked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var t1Waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var t2GivesUp = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);

        var first = Task.Run(async () =>
        {
            var from = hepang.Lock.WithOwner(t1.Ref);
            await from.AcquireAsync(context.Cancellation);
            hepang.Withdraw(Amount);
            context.WriteLine($"t1: locked hepang, withdrew {Amount}");
            t1Locked.SetResult();
            // The tutorial's sleep lets t2 lock luoziyao in the meantime; the gate makes sure it has, on a slow machine too.
            await context.SleepAsync(1);
            await t2Locked.Task;
            context.WriteLine("t1: wait... (now locking luoziyao)");
            t1Waiting.SetResult();
            await DepositAsync(context, luoziyao, t1);
            await from.ReleaseAsync();
            context.WriteLine($"t1: hepang gave luoziyao {Amount}");
        });

        var second = Task.Run(async () =>
        {
            await t1Locked.Task;
            var from = luoziyao.Lock.WithOwner(t2.Ref);
            await from.AcquireAsync(context.Cancellation);
            luoziyao.Withdraw(Amount);
            context.WriteLine($"t2: locked luoziyao, withdrew {Amount}");
            t2Locked.SetResult();
            await t1Waiting.Task;
            context.WriteLine("t2: wait... (now locking hepang)");
            try
            {
                await DepositAsync(context, hepang, t2, t2GivesUp.Token);
                await from.ReleaseAsync();
            }
            catch (OperationCanceledException) when (t2GivesUp.IsCancellationRequested && !context.Cancellation.IsCancellationRequested)
            {
                luoziyao.Deposit(Amount);
                context.WriteLine($"t2 backs off: cancels its wait for hepang, puts {Amount} back into luoziyao and unlocks it");
                await from.ReleaseAsync();
                await first;
                context.WriteLine("t2 retries now that t1 is done");
                await TransferAsync(context, luoziyao, hepang, t2, [luoziyao, hepang]);
                return;
            }

            context.WriteLine($"t2: luoziyao gave hepang {Amount}");
        });

        var report = await listener.WaitAsync(ReportPatience, context.Cancellation);
        if (report is null) context.WriteLine($"no deadlock reported within {ReportPatience.TotalSeconds} s");
        else foreach (var line in report.Describe()) context.WriteLine(line);
        await t2GivesUp.CancelAsync();
        await Task.WhenAll(first, second);
    }

    /// <summary>Both transfers lock the accounts in one global order (by name), so neither can wait for the other in a cycle.</summary>
    private static async Task OrderedAsync(DemoContext context, Account hepang, Account luoziyao, ActorOwner t1, ActorOwner t2)
    {
        Account[] order = [.. new[] { hepang, luoziyao }.OrderBy(a => a.Id, StringComparer.Ordinal)];
        context.WriteLine($"--ordered: every transfer locks {string.Join(" then ", order.Select(a => a.Id))}");
        await Task.WhenAll(
            Task.Run(() => TransferAsync(context, hepang, luoziyao, t1, order)),
            Task.Run(() => TransferAsync(context, luoziyao, hepang, t2, order)));
        context.WriteLine("no deadlock: both transfers completed");
    }

    /// <summary>Moves <see cref="Amount"/> from <paramref name="from"/> to <paramref name="to"/>, locking both accounts in <paramref name="order"/>.</summary>
    private static async Task TransferAsync(DemoContext context, Account from, Account to, ActorOwner owner, Account[] order)
    {
        var name = owner.Ref.Path.Name;
        var first = order[0].Lock.WithOwner(owner.Ref);
        var second = order[1].Lock.WithOwner(owner.Ref);
        await first.AcquireAsync(context.Cancellation);
        await second.AcquireAsync(context.Cancellation);
        from.Withdraw(Amount);
        to.Deposit(Amount);
        await second.ReleaseAsync();
        await first.ReleaseAsync();
        context.WriteLine($"{name}: {from.Id} gave {to.Id} {Amount}");
    }

    /// <summary>Locks <paramref name="to"/> for <paramref name="owner"/>, deposits, and unlocks it.</summary>
    private static async Task DepositAsync(DemoContext context, Account to, ActorOwner owner, CancellationToken cancellation = default)
    {
        var toLock = to.Lock.WithOwner(owner.Ref);
        await toLock.AcquireAsync(cancellation.CanBeCanceled ? cancellation : context.Cancellation);
        to.Deposit(Amount);
        await toLock.ReleaseAsync();
    }

    /// <summary>The tutorial's account; its balance changes only while its lock is held.</summary>
    private sealed class Account(string id, int balance, ActorLock @lock)
    {
        public string Id { get; } = id;

        public int Balance { get; private set; } = balance;

        public ActorLock Lock { get; } = @lock;

        public void Withdraw(int amount) => Balance -= amount;

        public void Deposit(int amount) => Balance += amount;
    }
}
