namespace Actors.Executor;

/// <summary>An executor's state as its coordinator saw it.</summary>
/// <param name="MaxWorkers">The number of worker actors.</param>
/// <param name="InFlight">Jobs accepted and not yet finished or skipped.</param>
/// <param name="IsShutDown">Whether the executor accepts no more jobs.</param>
/// <param name="IsBroken">Whether an initializer failed.</param>
public sealed record ExecutorState(int MaxWorkers, int InFlight, bool IsShutDown, bool IsBroken);
