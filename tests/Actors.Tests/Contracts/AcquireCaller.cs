namespace Actors.Tests.Contracts;

/// <summary>
/// One owner's view of a lock-like facade in the terms of <see cref="AcquireFacadeContract"/>: each step is the
/// variant's own facade method, so the variants map their facade in one expression instead of a class each.
/// </summary>
/// <param name="Facade">The facade, for the statistics every coordinator answers.</param>
/// <param name="AcquireAsync">Waits for the grant.</param>
/// <param name="TryAcquireNowAsync">Takes the grant only if it is free now.</param>
/// <param name="TryAcquireAsync">Waits for the grant at most the timeout.</param>
/// <param name="EnterAsync">Waits for the grant and returns a lease that gives it back.</param>
/// <param name="ReleaseAsync">Gives one grant back.</param>
/// <param name="IsFreeAsync">Whether an acquire would be granted now.</param>
/// <param name="HoldsAsync">Whether this caller's owner holds the grant; null where the primitive does not say (Semaphore).</param>
public sealed record AcquireCaller(
    CoordinatorFacade Facade,
    Func<CancellationToken, Task> AcquireAsync,
    Func<Task<bool>> TryAcquireNowAsync,
    Func<TimeSpan, CancellationToken, Task<bool>> TryAcquireAsync,
    Func<CancellationToken, Task<Lease>> EnterAsync,
    Func<Task> ReleaseAsync,
    Func<Task<bool>> IsFreeAsync,
    Func<Task<bool?>> HoldsAsync);
