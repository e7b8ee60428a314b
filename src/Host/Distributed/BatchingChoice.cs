namespace Actors.Host.Distributed;

/// <summary>Which setting of Akka.Remote's <c>dot-netty.tcp.batching</c> the actor cluster runs with (<c>--batching</c>).</summary>
internal enum BatchingChoice
{
    /// <summary>Both, one after the other: the chosen setting (off) and Akka's default (on), to show the difference.</summary>
    Both,

    /// <summary>Batching off: every message is written to the socket at once (the setting for locks).</summary>
    Off,

    /// <summary>Batching on, Akka's default: writes are gathered.</summary>
    On,
}
