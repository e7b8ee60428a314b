using System.Reflection;
using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>
/// How one protocol record goes over the wire: a MessagePack array of its constructor's parameters in order, followed
/// by its settable properties that the constructor does not take (such as <c>Statistics.Holders</c>). Built once per
/// type by reflection; a record that gains a parameter gains a field, and the manifest tells the types apart.
/// </summary>
internal sealed class MessageCodec
{
    private readonly ConstructorInfo _constructor;
    private readonly Field[] _parameters;
    private readonly Field[] _extras;

    private MessageCodec(Type type, string manifest, ConstructorInfo constructor, Field[] parameters, Field[] extras)
    {
        Type = type;
        Manifest = manifest;
        _constructor = constructor;
        _parameters = parameters;
        _extras = extras;
    }

    /// <summary>The record type.</summary>
    public Type Type { get; }

    /// <summary>The short, stable name that identifies the type on the wire, e.g. <c>Lock.Acquire</c>.</summary>
    public string Manifest { get; }

    /// <summary>Builds the codec of <paramref name="type"/>.</summary>
    /// <exception cref="NotSupportedException">A field cannot cross the wire.</exception>
    public static MessageCodec For(Type type, string manifest)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var parameters = constructor.GetParameters()
            .Select(p => Field.Of(properties.Single(property => property.Name == p.Name)))
            .ToArray();
        var extras = properties
            .Where(property => property.CanWrite && parameters.All(field => field.Property != property))
            .Select(Field.Of)
            .ToArray();
        return new MessageCodec(type, manifest, constructor, parameters, extras);
    }

    /// <summary>Writes <paramref name="message"/>.</summary>
    public void Write(ref MessagePackWriter writer, object message, WireContext context)
    {
        writer.WriteArrayHeader(_parameters.Length + _extras.Length);
        foreach (var field in _parameters) field.Codec.Write(ref writer, field.Property.GetValue(message), context);
        foreach (var field in _extras) field.Codec.Write(ref writer, field.Property.GetValue(message), context);
    }

    /// <summary>Reads a message written by <see cref="Write"/>.</summary>
    public object Read(ref MessagePackReader reader, WireContext context)
    {
        // A payload written before the record gained settable properties lacks them at its end; they keep their defaults.
        var count = reader.ReadArrayHeader();
        if (count < _parameters.Length || count > _parameters.Length + _extras.Length)
            throw new System.Runtime.Serialization.SerializationException($"{Manifest} has {_parameters.Length + _extras.Length} fields, the payload {count}.");
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < arguments.Length; i++) arguments[i] = _parameters[i].Codec.Read(ref reader, context);
        var message = _constructor.Invoke(arguments);
        foreach (var field in _extras.AsSpan(0, count - _parameters.Length)) field.Property.SetValue(message, field.Codec.Read(ref reader, context));
        return message;
    }

    private sealed record Field(PropertyInfo Property, FieldCodec Codec)
    {
        public static Field Of(PropertyInfo property) => new(property, FieldCodecs.For(property.PropertyType));
    }
}
