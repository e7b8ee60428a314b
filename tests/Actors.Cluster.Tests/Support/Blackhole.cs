using Akka.Configuration;
using Akka.Remote;
using Akka.Remote.Transport;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// Cuts a node off inside the test process with Akka.Remote's throttler (the mechanism of the multi-node test
/// conductor): nodes started with <see cref="Config"/> route their traffic through the <c>trttl</c> adapter, and
/// <see cref="CutAsync"/> drops everything between two of them, both ways.
/// </summary>
public static class Blackhole
{
    /// <summary>The settings that put the throttler in front of the transport; add them to every node.</summary>
    public static readonly Config Config = ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.applied-adapters = [trttl]");

    /// <summary>Drops all traffic between <paramref name="node"/> and <paramref name="peer"/>, in both directions.</summary>
    public static async Task CutAsync(ActorSystem node, Address peer)
    {
        var provider = (RemoteActorRefProvider)((ExtendedActorSystem)node).Provider;
        var transport = provider.Transport;
        var cut = await transport.ManagementCommand(new SetThrottle(peer, ThrottleTransportAdapter.Direction.Both, Akka.Remote.Transport.Blackhole.Instance))
            .ConfigureAwait(false);
        if (!cut) throw new InvalidOperationException($"The throttler of {provider.DefaultAddress} refused to cut {peer}.");
    }
}
