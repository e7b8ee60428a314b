using Actors.Barrier;
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
/// Registers named primitives with Akka.Hosting: each extension creates the coordinator when the actor system starts
/// and registers it in the <see cref="ActorRegistry"/> under a key type, in the shape of Akka.Hosting's
/// own <c>With...</c> extensions. Consumers take <see cref="IRequiredActor{TKey}"/> and turn it into a ready facade with
/// the methods of <see cref="RequiredPrimitiveExtensions"/>.
/// </summary>
/// <example>
/// <code>
/// services.AddAkka("app", builder => builder
///     .WithActorLock&lt;AccountsLock&gt;("accounts-lock")
///     .WithActorQueue&lt;JobQueue, Job&gt;("jobs", new QueueOptions&lt;Job&gt; { MaxSize = 32 }));
/// // in a consumer:
/// var mutex = await accountsLock.GetLockAsync();   // accountsLock: IRequiredActor&lt;AccountsLock&gt;
/// </code>
/// </example>
public static class ActorPrimitivesHostingExtensions
{
    /// <summary>Registers a <c>threading.Lock</c> named <paramref name="name"/> under <typeparamref name="TKey"/>.</summary>
    public static AkkaConfigurationBuilder WithActorLock<TKey>(this AkkaConfigurationBuilder builder, string name, LockOptions? options = null) =>
        builder.WithPrimitive<TKey>(name, _ => ActorLock.Props(), options);

    /// <summary>
    /// Registers a re-entrant <c>threading.RLock</c> named <paramref name="name"/> under <typeparamref name="TKey"/>.
    /// Its conditions (<see cref="Condition.ActorCondition"/>) live in it: register the lock, then take conditions by name.
    /// </summary>
    public static AkkaConfigurationBuilder WithActorRLock<TKey>(this AkkaConfigurationBuilder builder, string name, RLockOptions? options = null) =>
        builder.WithPrimitive<TKey>(name, _ => ActorRLock.Props(), options);

    /// <summary>Registers a semaphore (Python's <c>Semaphore</c> or, with <see cref="SemaphoreOptions.Bounded"/>, <c>BoundedSemaphore</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The initial value is negative.</exception>
    public static AkkaConfigurationBuilder WithActorSemaphore<TKey>(this AkkaConfigurationBuilder builder, string name, SemaphoreOptions? options = null)
    {
        var props = ActorSemaphore.Props(options?.InitialValue ?? 1, options?.Bounded ?? false);
        return builder.WithPrimitive<TKey>(name, _ => props, options);
    }

    /// <summary>Registers an event (Python's <c>threading.Event</c>) named <paramref name="name"/> under <typeparamref name="TKey"/>.</summary>
    public static AkkaConfigurationBuilder WithActorEvent<TKey>(this AkkaConfigurationBuilder builder, string name, EventOptions? options = null) =>
        builder.WithPrimitive<TKey>(name, _ => ActorEvent.Props(), options);

    /// <summary>Registers a barrier (Python's <c>threading.Barrier</c>) named <paramref name="name"/> under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="BarrierOptions.Parties"/> is missing or below one.</exception>
    public static AkkaConfigurationBuilder WithActorBarrier<TKey>(this AkkaConfigurationBuilder builder, string name, BarrierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Parties is not { } parties) throw new ArgumentException("A barrier needs BarrierOptions.Parties.", nameof(options));
        var props = ActorBarrier.Props(parties, options.Action, options.DefaultTimeout);
        return builder.WithPrimitive<TKey>(name, _ => props, options);
    }

    /// <summary>Registers a queue (Python's <c>Queue</c>, <c>LifoQueue</c>, <c>PriorityQueue</c> or <c>SimpleQueue</c>).</summary>
    public static AkkaConfigurationBuilder WithActorQueue<TKey, T>(this AkkaConfigurationBuilder builder, string name, QueueOptions<T>? options = null)
    {
        var maxSize = options?.MaxSize ?? 0;
        var props = (options?.Kind ?? QueueKind.Fifo) switch
        {
            QueueKind.Lifo => ActorQueue<T>.LifoProps(maxSize),
            QueueKind.Priority => ActorQueue<T>.PriorityProps(options?.Comparer, maxSize),
            QueueKind.Simple => ActorSimpleQueue<T>.Props(),
            _ => ActorQueue<T>.Props(maxSize),
        };
        return builder.WithPrimitive<TKey>(name, _ => props, options);
    }

    /// <summary>
    /// Registers an executor (Python's <c>ThreadPoolExecutor</c>) named <paramref name="name"/> under <typeparamref name="TKey"/>;
    /// its coordinator is registered, and <see cref="RequiredPrimitiveExtensions.GetExecutorAsync{TKey}"/> attaches a facade.
    /// </summary>
    public static AkkaConfigurationBuilder WithActorExecutor<TKey>(this AkkaConfigurationBuilder builder, string name, ExecutorOptions? options = null) =>
        builder.WithPrimitive<TKey>(name, system => ActorExecutor.CoordinatorProps(system, options ?? new ExecutorOptions()), null);

    private static AkkaConfigurationBuilder WithPrimitive<TKey>(this AkkaConfigurationBuilder builder, string name, Func<ActorSystem, Props> props,
        PrimitiveOptions? options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.WithActors((system, registry) =>
        {
            var coordinatorProps = props(system);
            if (options?.Dispatcher is { } dispatcher) coordinatorProps = coordinatorProps.WithDispatcher(dispatcher);
            registry.Register<TKey>(system.ActorOf(coordinatorProps, name));
        });
    }
}
