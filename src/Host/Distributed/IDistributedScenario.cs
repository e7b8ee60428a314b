using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>One scenario of <c>compare --distributed</c>, runnable against any <see cref="IDistributedWay"/>, each run checking its own result.</summary>
internal interface IDistributedScenario
{
    /// <summary>Short name (<c>--only</c> takes it).</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>What one operation is, for "operations per second".</summary>
    string Unit { get; }

    /// <summary>What the latency figures (and the longest wait) measure.</summary>
    string LatencyMeaning { get; }

    /// <summary>Runs once against <paramref name="way"/>; names start with <paramref name="run"/>, so runs never share a primitive.</summary>
    Task<RunOutcome> RunAsync(IDistributedWay way, DistributedSizes sizes, string run, CancellationToken cancellation);
}
