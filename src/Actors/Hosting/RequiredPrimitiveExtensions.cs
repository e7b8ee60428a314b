using Actors.Barrier;
using Actors.Condition;
using Actors.Event;
using Actors.Executor;
using Actors.Lock;
using Actors.Queue;
using Actors.RLock;
using Actors.Semaphore;
using Akka.Actor;
using Akka.Hosting;

namespace Actors.Hosting;

/// <summary>
/// Turns an <see cref="IRequiredActor{TKey}"/> of a primitive registered with <see cref="ActorPrimitivesHostingExtensions"/>
/// into its facade: one line for a consumer, <c>var mutex = await accountsLock.GetLockAsync();</c>.
/// </summary>
/// <remarks>Each method waits until the actor system has started and the coordinator is registered.</remarks>
public static class RequiredPrimitiveExtensions
{
    /// <summary>The lock's facade, acting for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorLock> GetLockAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The re-entrant lock's facade, acting for <paramref name="owner"/> (re-entrancy is per owner).</summary>
    public static async Task<ActorRLock> GetRLockAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef owner, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The condition <paramref name="name"/> of a registered lock or re-entrant lock, for <paramref name="owner"/>.</summary>
    public static async Task<ActorCondition> GetConditionAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef owner,
        string name = ActorCondition.DefaultName, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner, name);

    /// <summary>The semaphore's facade, acting for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorSemaphore> GetSemaphoreAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The event's facade, waiting for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorEvent> GetEventAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The barrier's facade, arriving for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorBarrier> GetBarrierAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The queue's facade for items of type <typeparamref name="T"/> (for a simple queue too).</summary>
    public static async Task<ActorQueue<T>> GetQueueAsync<TKey, T>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false), owner);

    /// <summary>A facade attached to the registered executor.</summary>
    public static async Task<ActorExecutor> GetExecutorAsync<TKey>(this IRequiredActor<TKey> actor, CancellationToken cancellationToken = default) =>
        await ActorExecutor.AttachAsync(await ResolveAsync(actor, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    private static Task<IActorRef> ResolveAsync<TKey>(IRequiredActor<TKey> actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.GetAsync(cancellationToken);
    }
}
