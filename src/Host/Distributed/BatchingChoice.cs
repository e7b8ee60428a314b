namespace Actors.Host.Distributed;

/// <summary>Which setting of Akka.Remote's <c>dot-netty.tcp.batching</c> the actor cluster runs with (<c>--batching</c>).</summary>
internal enum BatchingChoice
{
    /// <summary>Both, one after the other: the chosen setting (on) and off, to show the difference.</summary>
    Both,

    /// <summary>Batching off: every message is written and flushed to the socket on its own.</summary>
    Off,

    /// <summary>Batching on, Akka's default and the chosen setting: writes are gathered and flushed together.</summary>
    On,
}
