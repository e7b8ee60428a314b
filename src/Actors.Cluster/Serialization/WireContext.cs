using Akka.Actor;
using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>
/// What a field needs from the actor system to cross the wire: actor references go by path and are resolved on the
/// receiving node; values of no protocol type (queue items, an exception) go through Akka's own serialization for their
/// type, nested as serializer id, manifest and bytes.
/// </summary>
internal sealed class WireContext(ExtendedActorSystem system)
{
    private const string NobodyPath = "";

    /// <summary>Writes <paramref name="reference"/> as its full path (nil for null, an empty string for <see cref="ActorRefs.Nobody"/>).</summary>
    public void WriteActorRef(ref MessagePackWriter writer, IActorRef? reference)
    {
        if (reference is null) writer.WriteNil();
        else if (reference.IsNobody()) writer.Write(NobodyPath);
        else writer.Write(Akka.Serialization.Serialization.SerializedActorPath(reference));
    }

    /// <summary>Reads a reference written by <see cref="WriteActorRef"/>, resolving its path in this system.</summary>
    public IActorRef? ReadActorRef(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var path = reader.ReadString();
        return string.IsNullOrEmpty(path) ? ActorRefs.Nobody : system.Provider.ResolveActorRef(path);
    }

    /// <summary>
    /// Writes any value: nil; a string or number as [its kind, the MessagePack value] (queue items are often these, and
    /// Akka would spend a type name on each); anything else through Akka's serializer for its type as
    /// [serializer id, manifest, bytes].
    /// </summary>
    public void WriteNested(ref MessagePackWriter writer, object? value)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        if (ScalarItem.TryWrite(ref writer, value)) return;

        var serializer = system.Serialization.FindSerializerFor(value);
        writer.WriteArrayHeader(3);
        writer.Write(serializer.Identifier);
        writer.Write(Akka.Serialization.Serialization.ManifestFor(serializer, value));
        writer.Write(serializer.ToBinary(value));
    }

    /// <summary>Reads a value written by <see cref="WriteNested"/>.</summary>
    public object? ReadNested(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        if (reader.ReadArrayHeader() == ScalarItem.Fields) return ScalarItem.Read(ref reader);
        var serializerId = reader.ReadInt32();
        var manifest = reader.ReadString() ?? string.Empty;
        var bytes = reader.ReadBytes() is { } sequence ? System.Buffers.BuffersExtensions.ToArray(sequence) : [];
        return system.Serialization.Deserialize(bytes, serializerId, manifest);
    }
}
