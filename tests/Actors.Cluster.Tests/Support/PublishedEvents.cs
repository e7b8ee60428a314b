using System.Threading.Channels;

namespace Actors.Cluster.Tests.Support;

/// <summary>Collects the events of one type published on an actor system's event stream, for a test to await.</summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class PublishedEvents<T>
{
    private readonly Channel<T> _events = Channel.CreateUnbounded<T>();

    private PublishedEvents(ActorSystem system) =>
        system.EventStream.Subscribe(system.ActorOf(Props.Create(() => new Listener(_events.Writer))), typeof(T));

    /// <summary>Starts collecting the <typeparamref name="T"/> events of <paramref name="system"/>.</summary>
    public static PublishedEvents<T> Of(ActorSystem system) => new(system);

    /// <summary>The next event; fails after <paramref name="within"/>.</summary>
    public Task<T> NextAsync(TimeSpan within) => _events.Reader.ReadAsync().AsTask().WaitAsync(within);

    private sealed class Listener : ReceiveActor
    {
        public Listener(ChannelWriter<T> events) => Receive<T>(e => events.TryWrite(e));
    }
}
