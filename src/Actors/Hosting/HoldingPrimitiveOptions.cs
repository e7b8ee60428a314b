namespace Actors.Hosting;

/// <summary>What every primitive that grants holds (a lock, a re-entrant lock, a semaphore) can be given when registered.</summary>
public abstract class HoldingPrimitiveOptions : PrimitiveOptions
{
    /// <summary>
    /// The longest a hold may last; null (the default) for no limit. A hold that outlasts it is released by the
    /// coordinator: its holder's <see cref="Lease.HoldLost"/> fires (<see cref="Protocol.HoldLostReason.MaxHoldTimeExceeded"/>),
    /// and the next waiter is granted with a higher fencing token. Example: <c>new LockOptions { MaxHoldTime = TimeSpan.FromSeconds(30) }</c>.
    /// </summary>
    /// <remarks>
    /// Python has no such bound: a <c>with lock:</c> block holds as long as it runs. The coordinator starts with this
    /// bound; <c>SetMaxHoldTimeAsync</c> changes it at run time. Must be positive.
    /// </remarks>
    public TimeSpan? MaxHoldTime { get; set; }
}
