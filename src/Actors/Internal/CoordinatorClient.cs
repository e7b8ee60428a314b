using Actors.Protocol;
using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// How facades talk to coordinators: request and reply, with the coordinator owning the request's timeout and the
/// caller's <see cref="CancellationToken"/> turned into a <see cref="CoordinatorProtocol.Cancel"/> message.
/// A waiting request always ends with exactly one reply, so the facade always learns whether it was granted.
/// </summary>
/// <remarks>
/// A local coordinator is sent the request with a <see cref="ReplyPromise"/> as the sender: no timer, no temporary
/// actor path, less than half of an <c>Ask</c>'s cost; a request that reaches dead letters or is not understood fails
/// at once (<see cref="UndeliveredRequests"/>). Any other coordinator is asked with <c>Ask</c> and a backstop timeout.
/// </remarks>
internal static class CoordinatorClient
{
    /// <summary>
    /// How much longer than a request's own timeout the facade waits for the reply before it gives up. The
    /// coordinator answers every timed request by its deadline and never grants after it, so this only fires
    /// when the coordinator is gone or unreachable.
    /// </summary>
    public static readonly TimeSpan BackstopMargin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a cancelled wait over a coordinator in another process waits for the coordinator's answer to the
    /// cancellation (<see cref="CoordinatorProtocol.Cancelled"/>, or a grant that crossed it) before it ends without one.
    /// </summary>
    public static readonly TimeSpan CancelAnswerBackstop = BackstopMargin;

    /// <summary>The backstop for requests that the coordinator answers at once (release, state queries, set).</summary>
    public static readonly TimeSpan ImmediateReplyBackstop = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LongestAskTimeout = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    /// <summary>
    /// Sends a waiting request and returns the coordinator's single reply, reading the request id, owner and timeout
    /// from the request. When <paramref name="cancellationToken"/> fires first, the coordinator is told to cancel; the
    /// reply is then either <see cref="CoordinatorProtocol.Cancelled"/> or a grant that crossed the cancel, which the
    /// caller must give back.
    /// </summary>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Withdraws the request.</param>
    /// <param name="repliesWithinTimeout">
    /// False when the reply may come long after the request's timeout (a condition wait answers only once it holds its
    /// lock again): no backstop is derived from the timeout then.
    /// </param>
    /// <exception cref="OperationCanceledException">The token was cancelled before anything was sent.</exception>
    /// <exception cref="ObjectDisposedException">The request's owner is a local actor that has terminated (a disposed
    /// <see cref="Owners.ActorOwner"/>): nothing is sent.</exception>
    /// <exception cref="TimeoutException">The coordinator did not answer within the timeout plus <see cref="BackstopMargin"/>.</exception>
    /// <param name="lateReply">
    /// Takes a reply that comes after a cancelled wait over a coordinator in another process gave up waiting for it
    /// (<see cref="CancelAnswerBackstop"/>): a grant to give back. With one, such a wait ends in
    /// <see cref="OperationCanceledException"/>; without one, in <see cref="TimeoutException"/>, since the request may
    /// still take effect.
    /// </param>
    /// <exception cref="TimeoutException">A cancelled wait over a coordinator in another process had no answer within
    /// <see cref="CancelAnswerBackstop"/> and no <paramref name="lateReply"/> to undo a late grant.</exception>
    public static Task<object> AskWaitingAsync(IActorRef coordinator, IWaitingRequest request, CancellationToken cancellationToken,
        bool repliesWithinTimeout = true, Action<object>? lateReply = null)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<object>(cancellationToken);
        if (OwnerWatch.IsKnownDead(request.Owner))
            return Task.FromException<object>(new ObjectDisposedException(request.Owner.Path.ToString(),
                "The owner has ended (an ActorOwner disposed, an actor stopped): nothing can be granted to it."));
        var cancel = new CancelOrder(coordinator, request.RequestId, request.Owner);
        var backstop = repliesWithinTimeout && request.Timeout is { } t && t >= TimeSpan.Zero && t < LongestAskTimeout - BackstopMargin
            ? t + BackstopMargin
            : Timeout.InfiniteTimeSpan;
        var local = ReplyPromise.TrySend(coordinator, request);
        var reply = local ?? AskRemoteAsync(coordinator, request, backstop, cancel);
        // The common case, a token that cannot fire, costs no async frame of its own.
        if (!cancellationToken.CanBeCanceled) return reply;
        return local is not null
            ? CancelWhenTokenFiresAsync(reply, cancel, cancellationToken)
            : CancelRemoteWhenTokenFiresAsync(reply, cancel, request, lateReply, cancellationToken);
    }

    /// <summary>
    /// Sends a waiting request and returns its reply of the request's family; <see cref="CoordinatorProtocol.Cancelled"/>
    /// becomes <see cref="OperationCanceledException"/> and <see cref="CoordinatorProtocol.Rejected"/> its exception.
    /// </summary>
    /// <typeparam name="TReply">The request's reply family.</typeparam>
    /// <exception cref="TimeoutException">The coordinator did not answer within the timeout plus <see cref="BackstopMargin"/>.</exception>
    public static async Task<TReply> WaitAsync<TReply>(IActorRef coordinator, IWaitingRequest<TReply> request,
        CancellationToken cancellationToken, bool repliesWithinTimeout = true)
        where TReply : IReply
    {
        var reply = await AskWaitingAsync(coordinator, request, cancellationToken, repliesWithinTimeout).ConfigureAwait(false);
        return reply switch
        {
            TReply expected => expected,
            CoordinatorProtocol.Cancelled => throw new OperationCanceledException(cancellationToken),
            _ => throw Unexpected(reply),
        };
    }

    /// <summary>
    /// Sends a request that the coordinator answers at once and returns its reply of the request's family;
    /// <see cref="CoordinatorProtocol.Rejected"/> becomes its exception.
    /// </summary>
    /// <typeparam name="TReply">The request's reply family.</typeparam>
    /// <exception cref="TimeoutException">The coordinator did not answer within <see cref="ImmediateReplyBackstop"/>.</exception>
    public static async Task<TReply> RequestAsync<TReply>(IActorRef coordinator, IRequest<TReply> request)
        where TReply : IReply
    {
        var reply = await Request(coordinator, request, ImmediateReplyBackstop, cancelOnTimeout: null).ConfigureAwait(false);
        return reply is TReply expected ? expected : throw Unexpected(reply);
    }

    /// <summary>Sends a request that the coordinator answers at once and returns the reply, whatever it is.</summary>
    /// <remarks>For the few requests outside the typed protocol (the executor's); prefer <see cref="RequestAsync{TReply}"/>.</remarks>
    /// <exception cref="TimeoutException">The coordinator did not answer within <see cref="ImmediateReplyBackstop"/>.</exception>
    public static Task<object> AskAsync(IActorRef coordinator, object request) =>
        AskAsync(coordinator, request, ImmediateReplyBackstop);

    /// <summary>
    /// Sends a request that nothing can withdraw and returns the reply; a coordinator that is not local gets
    /// <paramref name="backstop"/> to answer (<see cref="Timeout.InfiniteTimeSpan"/> for a reply that may take as long
    /// as the work it waits for).
    /// </summary>
    /// <exception cref="TimeoutException">A coordinator that is not local did not answer within <paramref name="backstop"/>.</exception>
    public static Task<object> AskAsync(IActorRef coordinator, object request, TimeSpan backstop) =>
        Request(coordinator, request, backstop, cancelOnTimeout: null);

    /// <summary>
    /// Sends <paramref name="request"/>: with a reply promise to a local coordinator, else by <c>Ask</c>, which gives up
    /// after <paramref name="backstop"/> and then tells the coordinator to cancel (if there is anything to cancel).
    /// </summary>
    private static Task<object> Request(IActorRef coordinator, object request, TimeSpan backstop, CancelOrder? cancelOnTimeout) =>
        ReplyPromise.TrySend(coordinator, request) ?? AskRemoteAsync(coordinator, request, backstop, cancelOnTimeout);

    private static async Task<object> AskRemoteAsync(IActorRef coordinator, object request, TimeSpan backstop, CancelOrder? cancelOnTimeout)
    {
        try
        {
            return await coordinator.Ask<object>(request, backstop, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            cancelOnTimeout?.Send();
            throw new TimeoutException($"The coordinator {coordinator.Path} did not answer {request.GetType().Name} within {backstop}.");
        }
    }

    private static async Task<object> CancelWhenTokenFiresAsync(Task<object> reply, CancelOrder cancel, CancellationToken cancellationToken)
    {
        await using (cancellationToken.UnsafeRegister(static state => ((CancelOrder)state!).Send(), cancel))
            return await reply.ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="CancelWhenTokenFiresAsync"/>, for a coordinator in another process, which may never have received the
    /// request (lost with a node, or while its shard moved) and so never answers the cancel: once the token has fired the
    /// answer is awaited for <see cref="CancelAnswerBackstop"/> at most; a reply after that goes to <paramref name="lateReply"/>.
    /// </summary>
    private static async Task<object> CancelRemoteWhenTokenFiresAsync(Task<object> reply, CancelOrder cancel, IWaitingRequest request,
        Action<object>? lateReply, CancellationToken cancellationToken)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.UnsafeRegister(static state =>
                     {
                         var (order, signal) = ((CancelOrder, TaskCompletionSource))state!;
                         order.Send();
                         signal.TrySetResult();
                     }, (cancel, fired)))
        {
            if (await Task.WhenAny(reply, fired.Task).ConfigureAwait(false) == reply) return await reply.ConfigureAwait(false);
        }

        try
        {
            return await reply.WaitAsync(CancelAnswerBackstop).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!reply.IsCompleted)
        {
            // No answer to the cancellation: handled below.
        }

        _ = reply.ContinueWith(static (late, handler) => ((Action<object>?)handler)?.Invoke(late.Result), lateReply, CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (lateReply is not null)
            throw new OperationCanceledException($"{request.GetType().Name} was cancelled; its coordinator did not answer the cancellation "
                                                 + $"within {CancelAnswerBackstop}, and a grant that comes later is given back.", cancellationToken);
        throw new TimeoutException($"{request.GetType().Name} was cancelled, but its coordinator did not answer the cancellation within "
                                   + $"{CancelAnswerBackstop}: the request may or may not take effect.");
    }

    /// <summary>Sends a message that needs no answer.</summary>
    public static void Tell(IActorRef coordinator, object message) => coordinator.Tell(message, ActorRefs.NoSender);

    /// <summary>
    /// Sends a waiting request and interprets its reply: the grant, or null when the wait timed out (the family's
    /// <see cref="ITimedOutReply"/>). A grant that arrives after <paramref name="cancellationToken"/> fired is handed to
    /// <paramref name="giveBack"/> and the call is cancelled, so a cancelled caller never keeps what it asked for; without
    /// <paramref name="giveBack"/> (nothing to give back, or nothing that can be undone, such as a completed put) the grant
    /// stands and is returned. <paramref name="otherOutcome"/> maps the family's other replies (a shut-down queue, ...)
    /// to the exception to throw.
    /// </summary>
    /// <typeparam name="TReply">The request's reply family.</typeparam>
    /// <typeparam name="TGranted">The reply of the family that grants the request.</typeparam>
    public static async Task<TGranted?> WaitForGrantAsync<TReply, TGranted>(IActorRef coordinator, IWaitingRequest<TReply> request,
        Action<TGranted>? giveBack, CancellationToken cancellationToken, Func<TReply, Exception>? otherOutcome = null)
        where TReply : IReply
        where TGranted : class, TReply
    {
        Action<object>? lateReply = giveBack is null || !cancellationToken.CanBeCanceled ? null : late =>
        {
            if (late is TGranted granted) giveBack(granted);
        };
        var reply = await AskWaitingAsync(coordinator, request, cancellationToken, lateReply: lateReply).ConfigureAwait(false);
        switch (reply)
        {
            case TGranted granted when giveBack is not null && cancellationToken.IsCancellationRequested:
                giveBack(granted);
                throw new OperationCanceledException(cancellationToken);
            case TGranted granted:
                return granted;
            case ITimedOutReply and TReply:
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            case TReply other when otherOutcome is not null:
                throw otherOutcome(other);
            case CoordinatorProtocol.Cancelled:
                throw new OperationCanceledException(cancellationToken);
            default:
                throw Unexpected(reply);
        }
    }

    /// <summary>The exception for a reply outside the request's family: a rejection's own, else an unexpected reply.</summary>
    public static Exception Unexpected(object reply) =>
        reply is CoordinatorProtocol.Rejected rejected ? rejected.ToException() : Rejections.Unexpected(reply);

    /// <summary>Throws for a reply that is not the expected acknowledgement.</summary>
    /// <remarks>For replies outside the typed protocol (the executor's); prefer <see cref="RequestAsync{TReply}"/>.</remarks>
    public static T Expect<T>(object reply) => reply is T expected ? expected : throw Unexpected(reply);

    /// <summary>What to send to withdraw a waiting request; a value, so the common path allocates nothing for it.</summary>
    private readonly record struct CancelOrder(IActorRef Coordinator, long RequestId, IActorRef Owner)
    {
        public void Send() => Coordinator.Tell(new CoordinatorProtocol.Cancel(RequestId, Owner), ActorRefs.NoSender);
    }
}
