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

        /// <summary>How long the oldest request still waiting has waited, in milliseconds (0 if none waits).</summary>
        public double LongestWaitMs { get; init; }

        /// <summary>
        /// Prints every member, the owners by actor name: <c>Statistics { Name = mutex, Kind = Lock, ...,
        /// Holders = [worker-1], WaitingOwners = [worker-2, worker-3], ... }</c>.
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
            return true;
        }

        private static string NamesOf(ImmutableList<IActorRef> owners) =>
            string.Join(", ", owners.Select(owner => owner.IsNobody() ? "anonymous" : owner.Path.Name));
    }
}
