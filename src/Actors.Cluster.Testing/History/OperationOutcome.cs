namespace Actors.Cluster.Testing.History;

/// <summary>How an operation of a history ended, in the terms of Jepsen's Knossos.</summary>
public enum OperationOutcome
{
    /// <summary>It took effect and its output is known.</summary>
    Ok,

    /// <summary>It certainly did not take effect (a definite refusal); the checker leaves it out.</summary>
    Fail,

    /// <summary>It timed out or its node died: it may or may not have taken effect, at any time after its invocation.</summary>
    Unknown,
}
