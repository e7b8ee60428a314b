using Actors.Diagnostics;
using Actors.Lock;
using Actors.Owners;

namespace Actors.Tests.Diagnostics;

/// <summary>A test kit whose deadlock detector checks every 200 ms, with a probe subscribed to its reports.</summary>
public abstract class DeadlockTestKit : CoordinatorTestKit
{
    /// <summary>The generous bound within which a deadlock must be reported (detection takes about two intervals).</summary>
    protected static readonly TimeSpan ReportWithin = TestTimes.Settle;

    protected DeadlockTestKit(string resolution = "report-only")
        : base($"actors.deadlock-detection {{ interval = 200ms, resolution = {resolution} }}")
    {
        Reports = CreateTestProbe();
        Sys.EventStream.Subscribe(Reports, typeof(DeadlockDetected));
    }

    /// <summary>Receives every <see cref="DeadlockDetected"/> published in the system.</summary>
    protected TestProbe Reports { get; }

    protected DeadlockDetected ExpectDeadlock() => Reports.ExpectMsg<DeadlockDetected>(ReportWithin);

    /// <summary>
    /// Long enough for several checks and their confirmations to have run (700 ms, dilated by the time factor). Kept as
    /// a listening window: a report comes from the detector's own timer, which no reply of a coordinator orders.
    /// </summary>
    protected void ExpectNoDeadlock() => Reports.ExpectNoMsg(TimeSpan.FromMilliseconds(700));

    protected ActorOwner Owner(string name) => ActorOwner.Create(Sys, name);

    /// <summary>
    /// Owners <c>a</c> and <c>b</c> hold locks <c>l1</c> and <c>l2</c>, then each asks for the other's: the cycle
    /// a -> l2 -> b -> l1 -> a. Returns the owners and their two waits, which <paramref name="cancellationToken"/> ends.
    /// </summary>
    protected async Task<(ActorOwner A, ActorOwner B, Task AWaits, Task BWaits)> CrossTwoLocksAsync(CancellationToken cancellationToken)
    {
        var (a, b) = (Owner("a"), Owner("b"));
        var l1 = ActorLock.Create(Sys, "l1");
        var l2 = ActorLock.Create(Sys, "l2");
        await l1.WithOwner(a.Ref).AcquireAsync();
        await l2.WithOwner(b.Ref).AcquireAsync();
        return (a, b, l2.WithOwner(a.Ref).AcquireAsync(cancellationToken), l1.WithOwner(b.Ref).AcquireAsync(cancellationToken));
    }

    /// <summary>The participant of <paramref name="owner"/>.</summary>
    protected static DeadlockParticipant Of(DeadlockDetected report, ActorOwner owner) =>
        Assert.Single(report.Cycle, p => p.Owner.Equals(owner.Ref));

    protected static string[] Names(IEnumerable<IActorRef> owners) => owners.Select(o => o.Path.Name).ToArray();
}
