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
        new(await ResolveAsync(actor, Is<ActorLock>(), cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The re-entrant lock's facade, acting for <paramref name="owner"/> (re-entrancy is per owner).</summary>
    public static async Task<ActorRLock> GetRLockAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef owner, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, Is<ActorRLock>(), cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The condition <paramref name="name"/> of a registered lock or re-entrant lock, for <paramref name="owner"/>.</summary>
    public static async Task<ActorCondition> GetConditionAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef owner,
        string name = ActorCondition.DefaultName, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, "ActorCondition", r => r.FacadeType == typeof(ActorLock) || r.FacadeType == typeof(ActorRLock), cancellationToken)
            .ConfigureAwait(false), owner, name);

    /// <summary>The semaphore's facade, acting for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorSemaphore> GetSemaphoreAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, Is<ActorSemaphore>(), cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The event's facade, waiting for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorEvent> GetEventAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, Is<ActorEvent>(), cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The barrier's facade, arriving for <paramref name="owner"/> (anonymous if null).</summary>
    public static async Task<ActorBarrier> GetBarrierAsync<TKey>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, Is<ActorBarrier>(), cancellationToken).ConfigureAwait(false), owner);

    /// <summary>The queue's facade for items of type <typeparamref name="T"/> (for a simple queue too).</summary>
    /// <exception cref="InvalidOperationException">The queue was registered for another item type, or the key holds no queue.</exception>
    public static async Task<ActorQueue<T>> GetQueueAsync<TKey, T>(this IRequiredActor<TKey> actor, IActorRef? owner = null, CancellationToken cancellationToken = default) =>
        new(await ResolveAsync(actor, PrimitiveRegistration.NameOf(typeof(ActorQueue<T>)), PrimitiveResolution.IsQueueOf<T>, cancellationToken)
            .ConfigureAwait(false), owner);

    /// <summary>A facade attached to the registered executor.</summary>
    public static async Task<ActorExecutor> GetExecutorAsync<TKey>(this IRequiredActor<TKey> actor, CancellationToken cancellationToken = default) =>
        await ActorExecutor.AttachAsync(await ResolveAsync(actor, Is<ActorExecutor>(), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>
    /// The registered coordinator, checked against its registration when a <c>With...</c> call made it: asking a key for
    /// another primitive, or a queue for another item type, fails here with a message naming both.
    /// </summary>
    private static async Task<IActorRef> ResolveAsync<TKey>(IRequiredActor<TKey> actor, string wanted, Func<PrimitiveRegistration, bool> fits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var coordinator = await actor.GetAsync(cancellationToken).ConfigureAwait(false);
        PrimitiveResolution.CheckRegistered(coordinator, typeof(TKey), wanted, fits);
        return coordinator;
    }

    private static Task<IActorRef> ResolveAsync<TKey>(IRequiredActor<TKey> actor, (string Wanted, Func<PrimitiveRegistration, bool> Fits) facade,
        CancellationToken cancellationToken) => ResolveAsync(actor, facade.Wanted, facade.Fits, cancellationToken);

    /// <summary>What a method returning <typeparamref name="TFacade"/> asks for, and the registrations that serve it.</summary>
    private static (string, Func<PrimitiveRegistration, bool>) Is<TFacade>() => (typeof(TFacade).Name, static r => r.FacadeType == typeof(TFacade));
}
