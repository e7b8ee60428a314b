using Actors.Cluster;
using Actors.Lock;
using Actors.Queue;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// The protocol serializer against Akka's default (Newtonsoft JSON) on the messages that cross the wire most: a
/// round trip is ToBinary then FromBinary. <c>dotnet run -c Release -- sizes</c> prints the bytes per message.
/// </summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private ActorSystem _system = null!;
    private Serializer _protocol = null!;
    private Serializer _json = null!;
    private object _message = null!;

    /// <summary>Which message: a waiting acquire, its grant, a queue put of an int, a statistics reply.</summary>
    [Params("Acquire", "Acquired", "Put", "Statistics")]
    public string Message { get; set; } = "Acquire";

    [GlobalSetup]
    public void Setup()
    {
        _system = SerializerSizes.CreateSystem();
        _protocol = _system.Serialization.FindSerializerForType(typeof(LockProtocol.Acquire));
        _json = _system.Serialization.FindSerializerForType(typeof(object));
        _message = SerializerSizes.Samples(_system)[Message];
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(Baseline = true, Description = "default JSON round trip")]
    public object Json() => SerializerSizes.RoundTrip(_json, _message);

    [Benchmark(Description = "protocol serializer round trip")]
    public object Protocol() => SerializerSizes.RoundTrip(_protocol, _message);
}

/// <summary>Messages, a system with the protocol serializer bound, and the bytes each serializer writes for them.</summary>
internal static class SerializerSizes
{
    public static ActorSystem CreateSystem() => ActorSystem.Create("serializers", ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        """).WithFallback(ClusterPrimitivesConfig.Serialization));

    public static Dictionary<string, object> Samples(ActorSystem system)
    {
        var owner = system.ActorOf(Props.Create<Sink>(), "owner-of-the-lock");
        return new Dictionary<string, object>
        {
            ["Acquire"] = new LockProtocol.Acquire(Actors.Protocol.RequestIds.Next(), owner, TimeSpan.FromSeconds(5)),
            ["Acquired"] = new LockProtocol.Acquired(Actors.Protocol.RequestIds.Next(), 12_345),
            ["Put"] = new QueueProtocol.Put(Actors.Protocol.RequestIds.Next(), ActorRefs.Nobody, 42),
            ["Statistics"] = new Actors.Protocol.CoordinatorProtocol.Statistics(Actors.Protocol.RequestIds.Next(), "lock%3Aaccounts", "Lock",
                1000, 3, 2, 1, 4, 990, 0.25, 12.5),
        };
    }

    public static object RoundTrip(Serializer serializer, object message)
    {
        var bytes = serializer.ToBinary(message);
        return serializer is SerializerWithStringManifest withManifest
            ? withManifest.FromBinary(bytes, withManifest.Manifest(message))
            : serializer.FromBinary(bytes, message.GetType());
    }

    /// <summary>Prints the bytes per message of both serializers and their ratio.</summary>
    public static async Task PrintAsync()
    {
        var system = CreateSystem();
        var protocol = system.Serialization.FindSerializerForType(typeof(LockProtocol.Acquire));
        var json = system.Serialization.FindSerializerForType(typeof(object));
        Console.WriteLine($"{"message",-12} {"protocol",9} {"JSON",6} {"ratio",6}   (payload bytes; manifests: protocol e.g. 'Lock.Acquire', JSON none)");
        foreach (var (name, message) in Samples(system))
        {
            var ours = protocol.ToBinary(message).Length;
            var theirs = json.ToBinary(message).Length;
            Console.WriteLine($"{name,-12} {ours,9} {theirs,6} {(double)theirs / ours,6:0.0}x");
        }

        await system.Terminate();
    }
}
