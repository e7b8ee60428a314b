using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.Serialization;
using Actors.Protocol;
using Akka.Actor;
using Akka.Serialization;
using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>
/// The wire (and journal) format of every <see cref="IPrimitiveMessage"/> that may cross the network and of every
/// <see cref="IDurableState"/> and <see cref="IDurableEvent"/> a primitive persists: a compact MessagePack array of
/// the record's fields, with a short manifest naming the record (<c>Lock.Acquire</c>). Actor references go by path;
/// queue items and other values of no protocol type are nested through Akka's serializer for their own type.
/// </summary>
/// <remarks>
/// Bound in HOCON to <see cref="IPrimitiveMessage"/> by <see cref="ClusterPrimitivesConfig"/> (or by
/// <c>WithClusterPrimitives</c>), so Akka's default JSON serializer is never used for the protocol. The messages of the
/// executor, threads and timers carry delegates and are not part of it: those primitives stay local.
/// </remarks>
public sealed class PrimitiveMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer id, unique among the serializers of an actor system (Akka reserves 0–100).</summary>
    public const int SerializerId = 4217;

    private static readonly Lazy<MessageCodecs> Codecs = new(MessageCodecs.Build);
    private readonly WireContext _context;

    /// <summary>Creates the serializer for <paramref name="system"/>; Akka calls this when it reads the configuration.</summary>
    public PrimitiveMessageSerializer(ExtendedActorSystem system) : base(system) => _context = new WireContext(system);

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <summary>Every message type this serializer carries (the protocol records of the primitives that may cross the wire).</summary>
    public static IReadOnlyCollection<Type> MessageTypes => Codecs.Value.ByType.Keys;

    /// <inheritdoc />
    public override string Manifest(object o) => CodecOf(o).Manifest;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var codec = CodecOf(obj);
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new MessagePackWriter(buffer);
        codec.Write(ref writer, obj, _context);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!Codecs.Value.ByManifest.TryGetValue(manifest, out var codec))
            throw new SerializationException($"Unknown primitive message manifest '{manifest}'.");
        var reader = new MessagePackReader(bytes);
        return codec.Read(ref reader, _context);
    }

    private static MessageCodec CodecOf(object message) =>
        Codecs.Value.ByType.TryGetValue(message.GetType(), out var codec)
            ? codec
            : throw new SerializationException($"{message.GetType()} is not a primitive message that can cross the wire.");

    private sealed record MessageCodecs(FrozenDictionary<Type, MessageCodec> ByType, FrozenDictionary<string, MessageCodec> ByManifest)
    {
        /// <summary>
        /// Every concrete <see cref="IPrimitiveMessage"/>, <see cref="IDurableState"/> and <see cref="IDurableEvent"/> of the core library whose fields can cross the wire, keyed
        /// by type and by manifest: the protocol class's name without <c>Protocol</c>, a dot, the record's name.
        /// </summary>
        public static MessageCodecs Build()
        {
            var codecs = typeof(IPrimitiveMessage).Assembly.GetTypes()
                .Where(type => (typeof(IPrimitiveMessage).IsAssignableFrom(type) || typeof(IDurableState).IsAssignableFrom(type)
                                || typeof(IDurableEvent).IsAssignableFrom(type))
                               && type is { IsAbstract: false, IsInterface: false } && (type.IsPublic || type.IsNestedPublic))
                .Select(type => TryBuild(type))
                .OfType<MessageCodec>()
                .ToList();
            return new MessageCodecs(codecs.ToFrozenDictionary(c => c.Type), codecs.ToFrozenDictionary(c => c.Manifest));
        }

        private static MessageCodec? TryBuild(Type type)
        {
            // Protocol records are nested in their protocol class (Lock.Acquire); durable states stand alone (LockDurableState).
            var manifest = type.DeclaringType is { } protocol ? $"{protocol.Name.Replace("Protocol", "", StringComparison.Ordinal)}.{type.Name}" : type.Name;
            try
            {
                return MessageCodec.For(type, manifest);
            }
            catch (NotSupportedException)
            {
                return null; // carries a delegate: a message of a primitive that stays local
            }
        }
    }
}
