using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>
/// A queue item (or other nested value) of a common scalar type, written as [kind, value] so that it comes back as the
/// same .NET type (MessagePack alone would not tell an <see cref="int"/> from a <see cref="long"/>).
/// </summary>
internal static class ScalarItem
{
    /// <summary>The array length that marks a scalar item (a value nested through Akka has three fields).</summary>
    public const int Fields = 2;

    private enum Kind
    {
        String = 1,
        Int32 = 2,
        Int64 = 3,
        Double = 4,
        Boolean = 5,
    }

    /// <summary>Writes <paramref name="value"/> if it is a scalar of a known kind; false (nothing written) otherwise.</summary>
    public static bool TryWrite(ref MessagePackWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                Header(ref writer, Kind.String);
                writer.Write(text);
                return true;
            case int number:
                Header(ref writer, Kind.Int32);
                writer.Write(number);
                return true;
            case long number:
                Header(ref writer, Kind.Int64);
                writer.Write(number);
                return true;
            case double number:
                Header(ref writer, Kind.Double);
                writer.Write(number);
                return true;
            case bool flag:
                Header(ref writer, Kind.Boolean);
                writer.Write(flag);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads the kind and value of a scalar item whose array header was already read.</summary>
    public static object Read(ref MessagePackReader reader) => (Kind)reader.ReadInt32() switch
    {
        Kind.String => reader.ReadString()!,
        Kind.Int32 => reader.ReadInt32(),
        Kind.Int64 => reader.ReadInt64(),
        Kind.Double => reader.ReadDouble(),
        Kind.Boolean => reader.ReadBoolean(),
        var kind => throw new System.Runtime.Serialization.SerializationException($"Unknown scalar item kind {kind}."),
    };

    private static void Header(ref MessagePackWriter writer, Kind kind)
    {
        writer.WriteArrayHeader(Fields);
        writer.Write((int)kind);
    }
}
