namespace Actors.Executor;

/// <summary>What <see cref="ActorFutures.WaitAsync"/> returns (Python's <c>DoneAndNotDoneFutures</c>).</summary>
/// <param name="Done">Futures done (finished or cancelled) when the wait returned.</param>
/// <param name="NotDone">The others.</param>
public sealed record DoneAndNotDone(IReadOnlySet<ActorFuture> Done, IReadOnlySet<ActorFuture> NotDone);
