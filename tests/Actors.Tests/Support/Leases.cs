namespace Actors.Tests.Support;

/// <summary>Waiting for what a <see cref="Lease"/> signals.</summary>
public static class Leases
{
    /// <summary>Completes when <paramref name="lease"/>'s HoldLost fires; fails after <see cref="TestTimes.Patience"/>.</summary>
    public static async Task HoldLostAsync(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lease.HoldLost.Register(() => fired.TrySetResult()))
            await fired.Task.WaitAsync(TestTimes.Patience);
    }
}
