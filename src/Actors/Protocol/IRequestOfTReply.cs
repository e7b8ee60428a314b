namespace Actors.Protocol;

/// <summary>A request whose replies form the closed family <typeparamref name="TReply"/>.</summary>
/// <typeparam name="TReply">
/// The family: the reply record itself when the request has one answer, or an interface that each possible answer
/// implements (for example <c>LockProtocol.IAcquireReply</c>, implemented by <c>Acquired</c> and <c>NotAcquired</c>).
/// <see cref="CoordinatorProtocol.Rejected"/> and, for a waiting request, <see cref="CoordinatorProtocol.Cancelled"/>
/// may answer any request and are not part of the family.
/// </typeparam>
public interface IRequest<TReply> : IRequest
    where TReply : IReply;
