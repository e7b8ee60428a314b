using Akka.Actor;

namespace Actors.Host.Compare;

/// <summary>One comparison scenario, runnable in each of the ways it supports, each run checking its own result.</summary>
internal interface IScenario
{
    /// <summary>Short name, also the key of the Python script's figures.</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>What one operation is, for "operations per second".</summary>
    string Unit { get; }

    /// <summary>What the latency figures measure, or null where latency says nothing useful.</summary>
    string? LatencyMeaning { get; }

    IReadOnlyList<Way> Ways { get; }

    Task<RunOutcome> RunAsync(Way way, ScenarioContext context);
}

/// <summary>What a scenario run gets: the actor system of the comparison's host, the sizes, cancellation.</summary>
internal sealed record ScenarioContext(ActorSystem System, CompareSizes Sizes, CancellationToken Cancellation);
