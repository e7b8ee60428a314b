using Actors.Cluster.Serialization;
using Actors.Lock;
using Actors.Queue;

namespace Actors.Cluster.Tests.Serialization;

public sealed class PrimitiveMessageSerializerTests(SerializationSystem fixture) : IClassFixture<SerializationSystem>
{
    private ActorSystem Sys => fixture.System;
    private IActorRef TestActor => fixture.Probe;

    public static TheoryData<Type> MessageTypes() => new(ProtocolSamples.AllMessageTypes());

    [Fact]
    public void Serializer_CarriesEveryProtocolMessage()
    {
        var carried = PrimitiveMessageSerializer.MessageTypes.ToHashSet();
        Assert.Equal([], ProtocolSamples.AllMessageTypes().Where(type => !carried.Contains(type)).Select(type => type.FullName));
        Assert.True(carried.Count >= 60, $"Only {carried.Count} message types found.");
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void Configuration_BindsEveryMessage_ToThePrimitiveSerializer_NotJson(Type type) =>
        Assert.IsType<PrimitiveMessageSerializer>(Sys.Serialization.FindSerializerForType(type));

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void RoundTrip_FullMessage_KeepsEveryField(Type type) => AssertRoundTrip(ProtocolSamples.Create(type, TestActor, full: true));

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void RoundTrip_MessageWithNullsAndDefaults_KeepsEveryField(Type type) => AssertRoundTrip(ProtocolSamples.Create(type, TestActor, full: false));

    [Fact]
    public void Serializer_RefusesTheLocalOnlyMessage_WithASerializationException()
    {
        var serializer = Sys.Serialization.FindSerializerForType(typeof(LockProtocol.Acquire));
        var threads = new Actors.Threads.ThreadRegistryProtocol.Enumerated(1, []);
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.ToBinary(threads));
    }

    [Fact]
    public async Task RoundTrip_ActorReference_ResolvesToTheSameActor_AndTellsReachIt()
    {
        var message = (LockProtocol.Acquire)RoundTrip(new LockProtocol.Acquire(1, TestActor, TimeSpan.FromSeconds(1)));
        message.Owner.Tell("ping");
        Assert.Equal("ping", await fixture.ProbeReceived.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void RoundTrip_QueueItemOfAUserType_GoesThroughAkkasSerializerForIt()
    {
        var item = new Transfer("alice", "bob", 12.5m);
        var message = (QueueProtocol.Put)RoundTrip(new QueueProtocol.Put(3, ActorRefs.Nobody, item));
        Assert.Equal(item, message.Item);
    }

    [Theory]
    [InlineData("text")]
    [InlineData(42)]
    [InlineData(42L)]
    [InlineData(0.5)]
    [InlineData(true)]
    public void RoundTrip_ScalarQueueItem_KeepsItsType(object item)
    {
        var message = (QueueProtocol.Got)RoundTrip(new QueueProtocol.Got(3, item, 9));
        Assert.Equal(item.GetType(), message.Item!.GetType());
        Assert.Equal(item, message.Item);
    }

    [Fact]
    public void Payload_OfAnAcquire_IsSmall()
    {
        var serializer = Sys.Serialization.FindSerializerFor(new LockProtocol.Acquire(1, TestActor));
        var bytes = serializer.ToBinary(new LockProtocol.Acquire(RequestIds.Next(), TestActor, TimeSpan.FromSeconds(5)));
        // An array header, a 9-byte id, the owner's path and the timeout's ticks: the path dominates.
        var path = Akka.Serialization.Serialization.SerializedActorPath(TestActor);
        Assert.True(bytes.Length <= path.Length + 24, $"{bytes.Length} bytes for a path of {path.Length}");
    }

    [Fact]
    public void FromBinary_UnknownManifest_ThrowsSerializationException()
    {
        var serializer = (PrimitiveMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(LockProtocol.Acquire));
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([0x90], "Lock.NoSuchMessage"));
    }

    [Fact]
    public void FromBinary_StateStoredBeforeItsTrailingProperties_ReadsThemAsDefaults()
    {
        // A semaphore's state as journalled before it had a fencing token and a maximum hold time: three fields.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePack.MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write(2);
        writer.Write(1);
        writer.WriteMapHeader(0);
        writer.Flush();
        var serializer = (PrimitiveMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(Actors.Semaphore.SemaphoreDurableState));

        var state = Assert.IsType<Actors.Semaphore.SemaphoreDurableState>(serializer.FromBinary(buffer.WrittenSpan.ToArray(), "SemaphoreDurableState"));

        Assert.Equal((2, 1, 0L, (TimeSpan?)null), (state.Value, state.HeldAnonymously, state.FencingToken, state.MaxHoldTime));
    }

    private void AssertRoundTrip(object message) => ProtocolSamples.AssertSame(message, RoundTrip(message));

    private object RoundTrip(object message)
    {
        var serializer = Assert.IsType<PrimitiveMessageSerializer>(Sys.Serialization.FindSerializerFor(message));
        var bytes = serializer.ToBinary(message);
        return Sys.Serialization.Deserialize(bytes, serializer.Identifier, serializer.Manifest(message));
    }

    public sealed record Transfer(string From, string To, decimal Amount);
}
