using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>Writes one field of a protocol message in MessagePack.</summary>
internal delegate void FieldWriter(ref MessagePackWriter writer, object? value, WireContext context);

/// <summary>Reads one field of a protocol message from MessagePack.</summary>
internal delegate object? FieldReader(ref MessagePackReader reader, WireContext context);

/// <summary>How one field type goes over the wire: its writer and its reader.</summary>
internal sealed record FieldCodec(FieldWriter Write, FieldReader Read);
