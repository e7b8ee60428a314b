namespace Actors.Executor;

/// <summary>Who made a future and hears about it: an <see cref="ActorExecutor"/>, or an <see cref="ActorFutureSource{T}"/>.</summary>
internal interface IFutureOwner
{
    /// <summary>A done-callback of <paramref name="future"/> threw <paramref name="error"/>; the other callbacks still ran.</summary>
    void CallbackFailed(ActorFuture future, Exception error);

    /// <summary>The executor refused a future's job because its pool is broken; called before that future fails.</summary>
    void PoolBroke(BrokenExecutorException error);
}
