using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>
/// An exception on the wire: its type's name and its message, rebuilt on the other side as the same type when that
/// type has a public (string message) constructor, else as an <see cref="Exception"/> naming the original type. The
/// stack trace and inner exceptions stay on the node where it was thrown.
/// </summary>
/// <remarks>
/// Akka's default serializer for exceptions (JSON) cannot rebuild most exception types, and a reply must never fail to
/// arrive because of the exception it carries.
/// </remarks>
internal static class WireException
{
    /// <summary>Writes nil, or [type name, message].</summary>
    public static void Write(ref MessagePackWriter writer, Exception? exception)
    {
        if (exception is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(2);
        writer.Write(exception.GetType().AssemblyQualifiedName);
        writer.Write(exception.Message);
    }

    /// <summary>Reads an exception written by <see cref="Write"/>.</summary>
    public static Exception? Read(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        reader.ReadArrayHeader();
        var typeName = reader.ReadString() ?? string.Empty;
        var message = reader.ReadString() ?? string.Empty;
        return Rebuild(Type.GetType(typeName, throwOnError: false), message) ?? new Exception($"{typeName}: {message}");
    }

    private static Exception? Rebuild(Type? type, string message)
    {
        if (type is null || !typeof(Exception).IsAssignableFrom(type) || type.GetConstructor([typeof(string)]) is not { } constructor) return null;
        try
        {
            return (Exception)constructor.Invoke([message]);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }
}
