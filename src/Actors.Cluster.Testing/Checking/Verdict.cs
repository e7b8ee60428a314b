namespace Actors.Cluster.Testing.Checking;

/// <summary>What a linearizability check found.</summary>
public enum Verdict
{
    /// <summary>A linearization exists.</summary>
    Linearizable,

    /// <summary>No order of the operations within their intervals satisfies the model.</summary>
    NotLinearizable,

    /// <summary>The search ran out of its time budget (the problem is NP-complete; a history can be hard).</summary>
    Undecided,
}
