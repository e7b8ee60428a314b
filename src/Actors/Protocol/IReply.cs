namespace Actors.Protocol;

/// <summary>A coordinator's answer to a request; it echoes the request's id.</summary>
public interface IReply : IPrimitiveMessage
{
    /// <summary>The id of the request this answers.</summary>
    long RequestId { get; }
}
