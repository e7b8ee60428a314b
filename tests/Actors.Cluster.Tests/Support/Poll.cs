namespace Actors.Cluster.Tests.Support;

/// <summary>
/// Waits for a state that a query can show but no message announces (membership, a coordinator's waiting count):
/// asks again every 20 ms until the condition holds, failing after a generous deadline for a slow, shared machine.
/// </summary>
public static class Poll
{
    /// <summary>The longest a poll waits.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Queries until <paramref name="condition"/> holds for the answer, and returns that answer.</summary>
    /// <exception cref="TimeoutException">It did not hold within <see cref="Patience"/>.</exception>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> query, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await query().WaitAsync(Patience).ConfigureAwait(false);
            if (condition(answer)) return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not {what} within {Patience}; last seen: {answer}.");
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Checks until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <see cref="Patience"/>.</exception>
    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), held => held, what);
}
