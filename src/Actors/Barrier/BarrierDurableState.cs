using Actors.Protocol;

namespace Actors.Barrier;

/// <summary>What of a barrier outlives its coordinator: whether it is broken and how many rounds completed.</summary>
/// <remarks>The parties waiting for the round that is filling are not part of it: a wait belongs to a live caller.</remarks>
/// <param name="IsBroken">Python's <c>broken</c>.</param>
/// <param name="CompletedRounds">The rounds completed so far.</param>
public sealed record BarrierDurableState(bool IsBroken, long CompletedRounds) : IDurableState;
