using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Akka.Actor;

namespace Actors.Protocol;

/// <summary>
/// The messages every coordinator understands, whatever its primitive: cancelling a waiting request,
/// the two replies that any request can receive (cancelled, rejected), and the statistics query.
/// </summary>
/// <remarks>
/// Every message is a plain immutable record, so that the same protocol can later cross the network
/// (Akka.Cluster). Replies always echo the <c>RequestId</c> of the request they answer.
/// </remarks>
public static class CoordinatorProtocol
{
    /// <summary>
    /// Withdraws a waiting request. If the request is still waiting, the coordinator drops it and answers
    /// the original requester with <see cref="Cancelled"/>; if it has already been answered, nothing happens.
    /// </summary>
    /// <remarks>
    /// A grant can cross a <see cref="Cancel"/> in flight. A requester that cancels and then receives a grant
    /// must give it back (release it); the async facades do exactly that, so no lock or permit is lost.
    /// </remarks>
    /// <param name="RequestId">The id of the request to withdraw.</param>
    /// <param name="Owner">The owner the request was made for (request ids are unique per owner).</param>
    public sealed record Cancel(long RequestId, IActorRef Owner) : IPrimitiveMessage;

    /// <summary>The answer to a waiting request that was withdrawn by <see cref="Cancel"/> before it was granted.</summary>
    /// <param name="RequestId">The id of the withdrawn request.</param>
    public sealed record Cancelled(long RequestId) : IReply;

    /// <summary>
    /// The answer to a request that was refused: bad arguments or misuse (releasing a lock one does not hold,
    /// over-releasing a bounded semaphore, ...). The coordinator's state is exactly as it was before the request.
    /// </summary>
    /// <param name="RequestId">The id of the refused request.</param>
    /// <param name="Reason">Why it was refused; the facades map it to an exception type.</param>
    /// <param name="Message">A human-readable explanation.</param>
    public sealed record Rejected(long RequestId, RejectionReason Reason, string Message) : IReply;

    /// <summary>
    /// Asks the coordinator of a lock, re-entrant lock or semaphore to tell <paramref name="Watcher"/> when the hold
    /// granted with <paramref name="FencingToken"/> ends other than by its holder's release. The coordinator answers
    /// <see cref="HoldWatched"/> (its sender is the coordinator, so the watcher learns the coordinator's node), or at once
    /// <see cref="HoldLost"/> if that hold has already ended: with the reason the coordinator ended it (it remembers its
    /// last 1024 such), else <see cref="HoldLostReason.NotHeld"/>. Later, if the
    /// coordinator releases the hold itself (owner terminated, <see cref="ForceRelease"/>, maximum hold time), the
    /// watcher receives <see cref="HoldLost"/>; a release by the holder ends the watch silently.
    /// </summary>
    /// <remarks>
    /// The facades' <c>LockAsync</c> and <c>EnterAsync</c> send this for their <see cref="Lease"/>. An actor that holds
    /// the primitive need not: a named owner (not <see cref="ActorRefs.Nobody"/>) that is alive is told
    /// <see cref="HoldLost"/> anyway. Primitives without holds reject it as <see cref="RejectionReason.NotSupported"/>
    /// (there is no request id, so the rejection carries 0).
    /// </remarks>
    /// <param name="FencingToken">The grant's fencing token.</param>
    /// <param name="Watcher">Who is told.</param>
    public sealed record WatchHold(long FencingToken, IActorRef Watcher) : IPrimitiveMessage;

    /// <summary>The coordinator watches the hold of <paramref name="FencingToken"/> for the watcher; it is the sender of this message.</summary>
    /// <param name="FencingToken">The grant's fencing token.</param>
    public sealed record HoldWatched(long FencingToken) : IPrimitiveMessage;

    /// <summary>
    /// The hold granted with <paramref name="FencingToken"/> is over although its holder did not release it: stop using
    /// what it guarded. Sent to the hold's live named owner and to every <see cref="WatchHold"/> watcher.
    /// </summary>
    /// <remarks>
    /// Python has no such message: a thread's lock is never taken away. Here a coordinator can release a hold (its owner
    /// terminated, <see cref="ForceRelease"/>, the maximum hold time), and across a cluster a holder can lose contact
    /// with the coordinator; the next holder's grant carries a higher fencing token, which a guarded resource uses to
    /// refuse the late writes of a holder that has not noticed yet.
    /// </remarks>
    /// <param name="FencingToken">The lost grant's fencing token.</param>
    /// <param name="Reason">Why the hold was lost.</param>
    public sealed record HoldLost(long FencingToken, HoldLostReason Reason) : IPrimitiveMessage;

    /// <summary>
    /// Administrative: releases every hold of a lock, re-entrant lock or semaphore at once, whoever holds it, as if its
    /// holders had released it. Each holder is told <see cref="HoldLost"/> (<see cref="HoldLostReason.ForceReleased"/>),
    /// waiters are granted in FIFO order (a lock's next holder with a higher fencing token), and the revoked holds are
    /// counted (<see cref="Statistics.ForcedReleases"/>). Reply: <see cref="ForceReleased"/>; a primitive without holds
    /// rejects it as <see cref="RejectionReason.NotSupported"/>.
    /// </summary>
    /// <remarks>Python cannot take a lock away from its holder. This is for a stuck holder that an operator must unblock.</remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record ForceRelease(long RequestId) : IRequest<ForceReleased>;

    /// <summary>The holds were released.</summary>
    /// <param name="RequestId">The id of the force-release request.</param>
    /// <param name="Holds">How many holds were revoked (a lock: 0 or 1; a semaphore: the permits that were out).</param>
    public sealed record ForceReleased(long RequestId, int Holds) : IReply;

    /// <summary>
    /// Bounds how long a hold of a lock, re-entrant lock or semaphore may last: a hold still held after
    /// <paramref name="MaxHoldTime"/> is released by the coordinator, its holder is told <see cref="HoldLost"/>
    /// (<see cref="HoldLostReason.MaxHoldTimeExceeded"/>), the next waiter is granted, and the expiry is counted
    /// (<see cref="Statistics.HoldTimeExpiries"/>). Null removes the bound. Reply: <see cref="MaxHoldTimeSet"/>; a
    /// primitive without holds rejects it as <see cref="RejectionReason.NotSupported"/>, a zero or negative time as
    /// <see cref="RejectionReason.InvalidArgument"/>.
    /// </summary>
    /// <remarks>
    /// The bound applies to holds granted from then on; a hold granted earlier keeps the term it was granted with.
    /// The term runs from the grant; a re-entrant acquire does not extend it. A persisted primitive keeps the bound; a
    /// hold it recovers starts a fresh term when the primitive comes back (the coordinator's clock does not survive its
    /// node). Python has no such bound.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="MaxHoldTime">The longest a hold may last, or null for no limit.</param>
    public sealed record SetMaxHoldTime(long RequestId, TimeSpan? MaxHoldTime) : IRequest<MaxHoldTimeSet>;

    /// <summary>The maximum hold time is now <paramref name="MaxHoldTime"/>.</summary>
    /// <param name="RequestId">The id of the request.</param>
    /// <param name="MaxHoldTime">The bound now in force, or null for none.</param>
    public sealed record MaxHoldTimeSet(long RequestId, TimeSpan? MaxHoldTime) : IReply;

    /// <summary>Asks a coordinator, whatever its primitive, for its <see cref="Statistics"/>.</summary>
    /// <param name="RequestId">Echoed by the reply.</param>
    public sealed record GetStatistics(long RequestId) : IRequest<Statistics>;

    /// <summary>
    /// What a coordinator has done since it started, and who holds and waits now. Every coordinator answers
    /// <see cref="GetStatistics"/> with it; the counts are the same events as the metrics of
    /// <see cref="Diagnostics.PrimitiveMetrics"/>.
    /// </summary>
    /// <remarks>Python's primitives keep no statistics; this exists for monitoring and the host's live view.</remarks>
    /// <param name="RequestId">The id of the query.</param>
    /// <param name="Name">The coordinator's actor name.</param>
    /// <param name="Kind">The primitive's kind: <c>Lock</c>, <c>RLock</c>, <c>Semaphore</c>, <c>BoundedSemaphore</c>, <c>Queue</c>, ...</param>
    /// <param name="Acquisitions">Grants: locks, re-entries and permits granted, queue items got, event waits that saw the flag set, barrier passes.</param>
    /// <param name="Timeouts">Waits that ended because their timeout passed.</param>
    /// <param name="Cancellations">Waits withdrawn by a <see cref="Cancel"/>.</param>
    /// <param name="OwnerDeathReleases">Holds released because their owner terminated.</param>
    /// <param name="Waiting">Requests waiting now, in all of the coordinator's queues.</param>
    /// <param name="WaitCount">Waiters that left their queue with an answer other than timeout, cancel or owner death.</param>
    /// <param name="MeanWaitMs">Their mean wait in milliseconds (0 if none).</param>
    /// <param name="MaxWaitMs">Their longest wait in milliseconds (0 if none).</param>
    public sealed record Statistics(
        long RequestId,
        string Name,
        string Kind,
        long Acquisitions,
        long Timeouts,
        long Cancellations,
        long OwnerDeathReleases,
        int Waiting,
        long WaitCount,
        double MeanWaitMs,
        double MaxWaitMs) : IReply
    {
        /// <summary>The named owners holding the primitive now (lock holder, permit holders); empty for other kinds.</summary>
        public ImmutableList<IActorRef> Holders { get; init; } = ImmutableList<IActorRef>.Empty;

        /// <summary>True if anonymous owners (<see cref="ActorRefs.Nobody"/>) hold part of the primitive.</summary>
        public bool HeldAnonymously { get; init; }

        /// <summary>The owners of the waiting requests, oldest first (an owner waiting twice appears twice).</summary>
        public ImmutableList<IActorRef> WaitingOwners { get; init; } = ImmutableList<IActorRef>.Empty;

        /// <summary>The number of queued items, for a queue; null for other kinds.</summary>
        public int? QueueLength { get; init; }

        /// <summary>The number of completed rounds, for a barrier; null for other kinds.</summary>
        public long? Round { get; init; }

        /// <summary>Holds revoked by <see cref="ForceRelease"/>.</summary>
        public long ForcedReleases { get; init; }

        /// <summary>Holds released because they outlasted the maximum hold time (<see cref="SetMaxHoldTime"/>).</summary>
        public long HoldTimeExpiries { get; init; }

        /// <summary>The maximum hold time in force, for a lock, re-entrant lock or semaphore; null if there is none.</summary>
        public TimeSpan? MaxHoldTime { get; init; }

        /// <summary>How long the oldest request still waiting has waited, in milliseconds (0 if none waits).</summary>
        public double LongestWaitMs { get; init; }

        /// <summary>
        /// Prints every member, the owners by actor name: <c>Statistics { Name = mutex, Kind = Lock, ...,
        /// Holders = [worker-1], WaitingOwners = [worker-2, worker-3], ... }</c>; the revoked-hold counts and the maximum
        /// hold time only where there are any.
        /// </summary>
        private bool PrintMembers(StringBuilder builder)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"RequestId = {RequestId}, Name = {Name}, Kind = {Kind}, Acquisitions = {Acquisitions}, Timeouts = {Timeouts}, ");
            builder.Append(CultureInfo.InvariantCulture,
                $"Cancellations = {Cancellations}, OwnerDeathReleases = {OwnerDeathReleases}, Waiting = {Waiting}, WaitCount = {WaitCount}, ");
            builder.Append(CultureInfo.InvariantCulture,
                $"MeanWaitMs = {MeanWaitMs:0.###}, MaxWaitMs = {MaxWaitMs:0.###}, LongestWaitMs = {LongestWaitMs:0.###}, ");
            builder.Append(CultureInfo.InvariantCulture,
                $"Holders = [{NamesOf(Holders)}], HeldAnonymously = {HeldAnonymously}, WaitingOwners = [{NamesOf(WaitingOwners)}]");
            if (QueueLength is { } length) builder.Append(CultureInfo.InvariantCulture, $", QueueLength = {length}");
            if (Round is { } round) builder.Append(CultureInfo.InvariantCulture, $", Round = {round}");
            if (ForcedReleases > 0) builder.Append(CultureInfo.InvariantCulture, $", ForcedReleases = {ForcedReleases}");
            if (HoldTimeExpiries > 0) builder.Append(CultureInfo.InvariantCulture, $", HoldTimeExpiries = {HoldTimeExpiries}");
            if (MaxHoldTime is { } maxHold) builder.Append(CultureInfo.InvariantCulture, $", MaxHoldTime = {maxHold}");
            return true;
        }

        private static string NamesOf(ImmutableList<IActorRef> owners) =>
            string.Join(", ", owners.Select(owner => owner.IsNobody() ? "anonymous" : owner.Path.Name));
    }
}
