using Actors.Barrier;
using Actors.Coordination;
using Actors.Event;
using Actors.Executor;
using Actors.Lock;
using Actors.Queue;
using Actors.RLock;
using Actors.Semaphore;
using Actors.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting;

/// <summary>
/// Registers named primitives with Akka.Hosting: each extension creates the coordinator when the actor system starts
/// and registers it in the <see cref="ActorRegistry"/> under a key type, in the shape of Akka.Hosting's
/// own <c>With...</c> extensions. Consumers either inject the facade itself, made injectable by key with
/// <see cref="ActorPrimitivesServiceCollectionExtensions.AddActorPrimitive{TKey, TFacade}"/>, or take
/// <see cref="IRequiredActor{TKey}"/> and turn it into a facade with the methods of <see cref="RequiredPrimitiveExtensions"/>.
/// </summary>
/// <remarks>Registering two primitives under one key type throws <see cref="InvalidOperationException"/>.</remarks>
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
        builder.WithPrimitive<TKey, ActorLock>(name, nameof(WithActorLock), BoundedBy(ActorLock.Behavior, options), options, coordinator => new ActorLock(coordinator));

    /// <summary>
    /// Registers a re-entrant <c>threading.RLock</c> named <paramref name="name"/> under <typeparamref name="TKey"/>.
    /// Its conditions (<see cref="Condition.ActorCondition"/>) live in it: register the lock, then take conditions by name.
    /// </summary>
    public static AkkaConfigurationBuilder WithActorRLock<TKey>(this AkkaConfigurationBuilder builder, string name, RLockOptions? options = null) =>
        builder.WithPrimitive<TKey, ActorRLock>(name, nameof(WithActorRLock), BoundedBy(ActorRLock.Behavior, options), options,
            coordinator => new ActorRLock(coordinator, ActorRefs.Nobody));

    /// <summary>Registers a semaphore (Python's <c>Semaphore</c> or, with <see cref="SemaphoreOptions.Bounded"/>, <c>BoundedSemaphore</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The initial value is negative.</exception>
    public static AkkaConfigurationBuilder WithActorSemaphore<TKey>(this AkkaConfigurationBuilder builder, string name, SemaphoreOptions? options = null)
    {
        var (initialValue, bounded) = (options?.InitialValue ?? 1, options?.Bounded ?? false);
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue, nameof(options));
        return builder.WithPrimitive<TKey, ActorSemaphore>(name, nameof(WithActorSemaphore), BoundedBy(() => ActorSemaphore.Behavior(initialValue, bounded), options),
            options, coordinator => new ActorSemaphore(coordinator));
    }

    /// <summary>Registers an event (Python's <c>threading.Event</c>) named <paramref name="name"/> under <typeparamref name="TKey"/>.</summary>
    public static AkkaConfigurationBuilder WithActorEvent<TKey>(this AkkaConfigurationBuilder builder, string name, EventOptions? options = null) =>
        builder.WithPrimitive<TKey, ActorEvent>(name, nameof(WithActorEvent), _ => ActorEvent.Props(), options, coordinator => new ActorEvent(coordinator));

    /// <summary>Registers a barrier (Python's <c>threading.Barrier</c>) named <paramref name="name"/> under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="BarrierOptions.Parties"/> is missing or below one.</exception>
    public static AkkaConfigurationBuilder WithActorBarrier<TKey>(this AkkaConfigurationBuilder builder, string name, BarrierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Parties is not { } parties) throw new ArgumentException("A barrier needs BarrierOptions.Parties.", nameof(options));
        var props = ActorBarrier.Props(parties, options.Action, options.DefaultTimeout);
        return builder.WithPrimitive<TKey, ActorBarrier>(name, nameof(WithActorBarrier), _ => props, options, coordinator => new ActorBarrier(coordinator));
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
        return options?.Kind == QueueKind.Simple
            ? builder.WithPrimitive<TKey, ActorSimpleQueue<T>>(name, nameof(WithActorQueue), _ => props, options,
                coordinator => new ActorSimpleQueue<T>(coordinator), itemType: typeof(T))
            : builder.WithPrimitive<TKey, ActorQueue<T>>(name, nameof(WithActorQueue), _ => props, options,
                coordinator => new ActorQueue<T>(coordinator), itemType: typeof(T));
    }

    /// <summary>
    /// Registers an executor (Python's <c>ThreadPoolExecutor</c>) named <paramref name="name"/> under <typeparamref name="TKey"/>;
    /// its coordinator is registered, and <see cref="RequiredPrimitiveExtensions.GetExecutorAsync{TKey}"/> attaches a facade.
    /// </summary>
    public static AkkaConfigurationBuilder WithActorExecutor<TKey>(this AkkaConfigurationBuilder builder, string name, ExecutorOptions? options = null)
    {
        options ??= new ExecutorOptions();
        return builder.WithPrimitive<TKey, ActorExecutor>(name, nameof(WithActorExecutor), system => ActorExecutor.CoordinatorProps(system, options), null,
            coordinator => new ActorExecutor(coordinator, options.ResolvedMaxWorkers, endsWithActorSystem: true));
    }

    /// <summary>
    /// Sets the deadlock detection of the actor system (the HOCON section <c>actors.deadlock-detection</c>) from typed
    /// options; properties left null keep their HOCON value or default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive or report-after is negative.</exception>
    public static AkkaConfigurationBuilder WithDeadlockDetection(this AkkaConfigurationBuilder builder, DeadlockDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.AddHocon(options.ToHocon(), HoconAddMode.Prepend);
    }

    /// <summary>
    /// Adds <see cref="PrimitivesHealthCheck"/> to the application's health checks (with Akka.Hosting's
    /// <c>akka.net</c> tag besides <paramref name="tags"/>): Unhealthy while a deadlock stands, Degraded while a request
    /// has waited longer than <see cref="PrimitivesHealthCheckOptions.DegradedAfter"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The thresholds; defaults if null.</param>
    /// <param name="name">The check's name. Default: <c>actors-primitives</c>.</param>
    /// <param name="tags">Tags to filter checks by, for example <c>"ready"</c>.</param>
    public static AkkaConfigurationBuilder WithPrimitivesHealthCheck(this AkkaConfigurationBuilder builder, PrimitivesHealthCheckOptions? options = null,
        string name = "actors-primitives", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithHealthCheck(name, new PrimitivesHealthCheck(options), HealthStatus.Unhealthy, tags);
    }

    /// <summary>
    /// The props of a coordinator that <paramref name="behavior"/> makes, started with the registered maximum hold time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The maximum hold time is not positive.</exception>
    private static Func<ActorSystem, Props> BoundedBy(Func<Coordinator> behavior, HoldingPrimitiveOptions? options)
    {
        var maxHoldTime = options?.MaxHoldTime;
        if (maxHoldTime is { } limit) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(options));
        return _ => CoordinatorActor.PropsFor(() => behavior().WithMaxHoldTime(maxHoldTime));
    }

    /// <summary>
    /// Records the registration (so that facades can be resolved and checked, see
    /// <see cref="ActorPrimitivesServiceCollectionExtensions"/>) and has the hosted service start the coordinator and
    /// register it in the <see cref="ActorRegistry"/> under <typeparamref name="TKey"/>.
    /// </summary>
    private static AkkaConfigurationBuilder WithPrimitive<TKey, TFacade>(this AkkaConfigurationBuilder builder, string name, string method,
        Func<ActorSystem, Props> props, PrimitiveOptions? options, Func<IActorRef, TFacade> facade, Type? itemType = null)
        where TFacade : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var typeArguments = itemType is null ? typeof(TKey).Name : $"{typeof(TKey).Name}, {PrimitiveRegistration.NameOf(itemType)}";
        var registration = new PrimitiveRegistration(typeof(TKey), name, $"{method}<{typeArguments}>(\"{name}\")", typeof(TFacade), itemType,
            system =>
            {
                var coordinatorProps = props(system);
                if (options?.Dispatcher is { } dispatcher) coordinatorProps = coordinatorProps.WithDispatcher(dispatcher);
                return system.ActorOf(coordinatorProps, name);
            },
            facade);
        PrimitiveRegistrations.Of(builder).Add(registration);
        return builder.WithActors((system, registry) => registry.Register<TKey>(HostedPrimitives.CoordinatorOf(system, registration)));
    }
}
