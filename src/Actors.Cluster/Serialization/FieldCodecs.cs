using System.Collections.Immutable;
using Akka.Actor;
using MessagePack;

namespace Actors.Cluster.Serialization;

/// <summary>
/// The codec of each field type that occurs in the protocol records: numbers, flags, strings and enums as MessagePack
/// scalars, durations as ticks, actor references by path, lists as arrays, exceptions as type and message (<see cref="WireException"/>), anything else (queue items) nested through
/// Akka's serialization (<see cref="WireContext"/>).
/// </summary>
internal static class FieldCodecs
{
    private static readonly FieldCodec Int64 = new((ref w, v, _) => w.Write((long)v!), (ref r, _) => r.ReadInt64());
    private static readonly FieldCodec Int32 = new((ref w, v, _) => w.Write((int)v!), (ref r, _) => r.ReadInt32());
    private static readonly FieldCodec Boolean = new((ref w, v, _) => w.Write((bool)v!), (ref r, _) => r.ReadBoolean());
    private static readonly FieldCodec Double = new((ref w, v, _) => w.Write((double)v!), (ref r, _) => r.ReadDouble());
    private static readonly FieldCodec String = new((ref w, v, _) => w.Write((string?)v), (ref r, _) => r.ReadString());
    private static readonly FieldCodec Instant = new(
        (ref w, v, _) =>
        {
            var instant = (DateTimeOffset)v!;
            w.Write(instant.UtcTicks);
            w.Write((short)instant.Offset.TotalMinutes);
        },
        (ref r, _) =>
        {
            var utcTicks = r.ReadInt64();
            var offset = TimeSpan.FromMinutes(r.ReadInt16());
            return new DateTimeOffset(utcTicks + offset.Ticks, offset);
        });
    private static readonly FieldCodec Duration = new((ref w, v, _) => w.Write(((TimeSpan)v!).Ticks), (ref r, _) => TimeSpan.FromTicks(r.ReadInt64()));
    private static readonly FieldCodec ActorRef = new((ref w, v, c) => c.WriteActorRef(ref w, (IActorRef?)v), (ref r, c) => c.ReadActorRef(ref r));
    private static readonly FieldCodec Nested = new((ref w, v, c) => c.WriteNested(ref w, v), (ref r, c) => c.ReadNested(ref r));

    private static readonly FieldCodec Failure = new((ref w, v, _) => WireException.Write(ref w, (Exception?)v), (ref r, _) => WireException.Read(ref r));

    private static readonly FieldCodec HoldCounts = new(
        (ref w, v, c) =>
        {
            var holds = (ImmutableDictionary<IActorRef, int>)v!;
            w.WriteMapHeader(holds.Count);
            foreach (var (owner, count) in holds)
            {
                c.WriteActorRef(ref w, owner);
                w.Write(count);
            }
        },
        (ref r, c) =>
        {
            var count = r.ReadMapHeader();
            var holds = ImmutableDictionary.CreateBuilder<IActorRef, int>();
            for (var i = 0; i < count; i++) holds[c.ReadActorRef(ref r)!] = r.ReadInt32();
            return holds.ToImmutable();
        });

    private static readonly FieldCodec StringList = ListOf(String, items => items.Select(item => (string)item!).ToImmutableArray());
    private static readonly FieldCodec Int64List = ListOf(Int64, items => items.Select(item => (long)item!).ToImmutableArray());
    private static readonly FieldCodec NestedList = ListOf(Nested, items => items.ToImmutableArray());
    private static readonly FieldCodec ActorRefList = ListOf(ActorRef, items => items.Select(item => (IActorRef)item!).ToImmutableList());
    private static readonly FieldCodec ActorRefArray = ListOf(ActorRef, items => items.Select(item => (IActorRef)item!).ToArray());

    /// <summary>The codec for fields of type <paramref name="type"/>.</summary>
    /// <exception cref="NotSupportedException">The type cannot cross the wire (a delegate, for example).</exception>
    public static FieldCodec For(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return NullableOf(For(underlying));
        if (type.IsEnum) return EnumOf(type);
        if (type == typeof(long)) return Int64;
        if (type == typeof(int)) return Int32;
        if (type == typeof(bool)) return Boolean;
        if (type == typeof(double)) return Double;
        if (type == typeof(string)) return String;
        if (type == typeof(TimeSpan)) return Duration;
        if (type == typeof(DateTimeOffset)) return Instant;
        if (typeof(IActorRef).IsAssignableFrom(type)) return ActorRef;
        if (type == typeof(IReadOnlyList<long>)) return Int64List;
        if (type == typeof(IReadOnlyList<string>)) return StringList;
        if (type == typeof(IReadOnlyList<object?>) || type == typeof(IReadOnlyList<object>)) return NestedList;
        if (type == typeof(ImmutableList<IActorRef>)) return ActorRefList;
        if (type == typeof(IReadOnlyList<IActorRef>)) return ActorRefArray;
        if (type == typeof(ImmutableDictionary<IActorRef, int>)) return HoldCounts;
        if (typeof(Delegate).IsAssignableFrom(type)) throw new NotSupportedException($"A {type} cannot cross the wire.");
        if (type == typeof(Exception)) return Failure;
        if (type == typeof(object)) return Nested;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && IsCoreRecord(type.GenericTypeArguments[0]))
            return ArrayOf(type.GenericTypeArguments[0]);
        if (IsCoreRecord(type)) return RecordOf(type);
        throw new NotSupportedException($"No wire format for fields of type {type}.");
    }

    /// <summary>A record of the core library that is part of a message (a report's waits, a deadlock's participants).</summary>
    private static bool IsCoreRecord(Type type) =>
        type.Assembly == typeof(Actors.Protocol.IPrimitiveMessage).Assembly && type is { IsAbstract: false, IsInterface: false, IsEnum: false }
        && type.GetMethod("PrintMembers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null;

    /// <summary>A nested record as its own field array (<see cref="MessageCodec"/>), or nil.</summary>
    private static FieldCodec RecordOf(Type type)
    {
        var codec = MessageCodec.For(type, type.Name);
        return NullableOf(new FieldCodec((ref w, v, c) => codec.Write(ref w, v!, c), (ref r, c) => codec.Read(ref r, c)));
    }

    private static FieldCodec ArrayOf(Type elementType) => ListOf(RecordOf(elementType), items =>
    {
        var source = items.ToArray();
        var array = Array.CreateInstance(elementType, source.Length);
        for (var i = 0; i < source.Length; i++) array.SetValue(source[i], i);
        return array;
    });

    private static FieldCodec NullableOf(FieldCodec value) => new(
        (ref w, v, c) =>
        {
            if (v is null) w.WriteNil();
            else value.Write(ref w, v, c);
        },
        (ref r, c) => r.TryReadNil() ? null : value.Read(ref r, c));

    private static FieldCodec EnumOf(Type type) => new(
        (ref w, v, _) => w.Write(Convert.ToInt32(v)),
        (ref r, _) => Enum.ToObject(type, r.ReadInt32()));

    private static FieldCodec ListOf(FieldCodec item, Func<IEnumerable<object?>, object> build) => new(
        (ref w, v, c) =>
        {
            var list = (System.Collections.IList)v!;
            w.WriteArrayHeader(list.Count);
            foreach (var element in list) item.Write(ref w, element, c);
        },
        (ref r, c) =>
        {
            var items = new object?[r.ReadArrayHeader()];
            for (var i = 0; i < items.Length; i++) items[i] = item.Read(ref r, c);
            return build(items);
        });
}
