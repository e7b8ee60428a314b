namespace Actors.Executor;

/// <summary>An executor's state as its coordinator saw it.</summary>
/// <param name="MaxWorkers">The number of worker actors.</param>
/// <param name="InFlight">Jobs accepted and not yet reported finished or skipped by their workers. Workers report in
/// batches, so the count can trail the futures for a moment; it reaches 0 once every accepted job is done.</param>
/// <param name="IsShutDown">Whether the executor accepts no more jobs.</param>
/// <param name="IsBroken">Whether an initializer failed.</param>
public sealed record ExecutorState(int MaxWorkers, int InFlight, bool IsShutDown, bool IsBroken);
