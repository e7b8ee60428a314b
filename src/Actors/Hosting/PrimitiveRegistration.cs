using Akka.Actor;

namespace Actors.Hosting;

/// <summary>
/// One primitive registered with Akka.Hosting under a key type: how to start its coordinator, which facade talks to it,
/// and how to build that facade. The <c>With...</c> extensions create these and start the coordinator under
/// <c>/user</c>. (Cluster primitives, whose package sees only the public API, are injected by their own
/// <c>AddClusterPrimitive</c>, whose facade names its primitive and item type itself.)
/// </summary>
/// <param name="Key">The key type, as in <c>IRequiredActor&lt;TKey&gt;</c>.</param>
/// <param name="Name">The coordinator's actor name.</param>
/// <param name="Registration">How it was registered, for messages: <c>WithActorQueue&lt;JobQueue, String&gt;("jobs")</c>.</param>
/// <param name="FacadeType">The facade over the coordinator (<c>ActorLock</c>, <c>ActorQueue&lt;string&gt;</c>, ...).</param>
/// <param name="ItemType">A queue's item type; null for other primitives.</param>
/// <param name="Start">Starts the coordinator in an actor system and returns its reference; called once per system.</param>
/// <param name="CreateFacade">Builds the facade (anonymous owner) over the coordinator's reference.</param>
internal sealed record PrimitiveRegistration(
    Type Key,
    string Name,
    string Registration,
    Type FacadeType,
    Type? ItemType,
    Func<ActorSystem, IActorRef> Start,
    Func<IActorRef, object> CreateFacade)
{
    /// <summary>A type name as C# writes it: <c>ActorQueue&lt;String&gt;</c> rather than <c>ActorQueue`1</c>.</summary>
    public static string NameOf(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(NameOf))}>"
        : type.Name;
}
