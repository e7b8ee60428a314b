namespace Actors.Executor;

/// <summary>When <see cref="ActorFutures.WaitAsync"/> returns (Python's <c>return_when</c>).</summary>
public enum ReturnWhen
{
    /// <summary>When every future is done (Python's <c>ALL_COMPLETED</c>).</summary>
    AllCompleted,

    /// <summary>When any future is done (Python's <c>FIRST_COMPLETED</c>).</summary>
    FirstCompleted,

    /// <summary>When any future finishes with an exception, or when all are done (Python's <c>FIRST_EXCEPTION</c>).</summary>
    FirstException,
}
