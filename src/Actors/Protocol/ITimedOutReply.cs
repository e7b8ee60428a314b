namespace Actors.Protocol;

/// <summary>
/// The reply of a waiting request's family that says its timeout passed first (at once for a zero timeout) and
/// nothing was granted: <c>NotAcquired</c>, a queue's <c>Full</c> and <c>Empty</c>, <c>NotSignalled</c>, ...
/// </summary>
public interface ITimedOutReply : IReply;
