using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// One request that a coordinator could not answer at once. It sits in exactly one <see cref="WaiterQueue"/>
/// until it is granted, expires, is cancelled, or its owner dies. A <see cref="IsHoldTerm"/> entry is not a request
/// but the term of a granted hold (a maximum hold time): it shares the deadlines so that one timer serves both.
/// </summary>
internal sealed class Waiter
{
    public Waiter(long requestId, IActorRef owner, IActorRef replyTo, long deadline, object? payload, bool isHoldTerm = false)
    {
        IsHoldTerm = isHoldTerm;
        RequestId = requestId;
        Owner = owner;
        ReplyTo = replyTo;
        Deadline = deadline;
        Payload = payload;
        Since = MonotonicClock.Now;
    }

    /// <summary>When the waiter was enqueued, in <see cref="MonotonicClock"/> ticks.</summary>
    public long Since { get; }

    public long RequestId { get; }

    public IActorRef Owner { get; }

    public IActorRef ReplyTo { get; }

    /// <summary>Expiry in <see cref="MonotonicClock"/> ticks; <see cref="MonotonicClock.Never"/> for an infinite wait.</summary>
    public long Deadline { get; }

    /// <summary>What the primitive needs to remember about the request (an item to put, a depth to restore, ...).</summary>
    public object? Payload { get; }

    /// <summary>
    /// True for the term of a hold rather than a waiting request: <see cref="RequestId"/> is the grant's fencing token,
    /// nobody is answered, and it is neither indexed by request id nor counted among the waiters.
    /// </summary>
    public bool IsHoldTerm { get; }

    public bool HasDeadline => Deadline != MonotonicClock.Never;

    /// <summary>The queue the waiter is in; null once it has left it.</summary>
    internal WaiterQueue? Queue { get; set; }

    /// <summary>Whether the deadlock detector was told of this wait (see <c>Diagnostics.WaitForReporter</c>).</summary>
    internal bool WaitReported { get; set; }

    internal Waiter? Previous { get; set; }

    internal Waiter? Next { get; set; }

    public bool IsWaiting => Queue is not null;

    public WaiterKey Key => new(Owner, RequestId);
}
