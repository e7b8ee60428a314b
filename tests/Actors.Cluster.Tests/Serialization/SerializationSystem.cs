using Akka.Configuration;

namespace Actors.Cluster.Tests.Serialization;

/// <summary>
/// One remoting actor system with the protocol serializer bound, shared by the serializer tests (hundreds of
/// round trips need no system of their own), and an actor that reports the first message it receives.
/// </summary>
public sealed class SerializationSystem : IAsyncLifetime
{
    private static readonly Config Config = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        """).WithFallback(ClusterPrimitivesConfig.Serialization);

    /// <summary>The system.</summary>
    public ActorSystem System { get; } = ActorSystem.Create("serialization", Config);

    /// <summary>Completes with the first message <see cref="Probe"/> receives.</summary>
    public TaskCompletionSource<object> ProbeReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>An actor to carry as a reference in messages.</summary>
    public IActorRef Probe { get; private set; } = ActorRefs.Nobody;

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Probe = System.ActorOf(Props.Create(() => new ProbeActor(ProbeReceived)), "probe");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DisposeAsync() => System.Terminate();

    private sealed class ProbeActor : ReceiveActor
    {
        public ProbeActor(TaskCompletionSource<object> received) => ReceiveAny(message => received.TrySetResult(message));
    }
}
