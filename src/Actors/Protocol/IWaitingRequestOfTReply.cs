namespace Actors.Protocol;

/// <summary>A waiting request whose replies form the closed family <typeparamref name="TReply"/>.</summary>
/// <typeparam name="TReply">The family; see <see cref="IRequest{TReply}"/>.</typeparam>
public interface IWaitingRequest<TReply> : IWaitingRequest, IRequest<TReply>
    where TReply : IReply;
