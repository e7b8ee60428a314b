namespace Actors.Host.Distributed;

/// <summary>
/// What a way of distributed locking promises its user, each in a few words (the report's guarantees table): whether
/// waiters are served first come first served, whether a grant carries a fencing token, whether a dead owner's hold is
/// released, and whether a holder learns that its hold was lost.
/// </summary>
internal sealed record WayGuarantees(string Fifo, string FencingTokens, string OwnerDeathRelease, string HoldLostSignal, string Queue);
