namespace Actors.Internal;

/// <summary>Follows the waiters of a <see cref="WaiterIndex"/> as they leave (the deadlock reporting does).</summary>
internal interface IWaiterObserver
{
    /// <summary><paramref name="waiter"/> is about to leave its queue; it is still linked into it.</summary>
    void Leaving(Waiter waiter);
}
