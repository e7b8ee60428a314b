using System.Collections;
using System.Collections.Immutable;
using System.Reflection;

namespace Actors.Cluster.Tests.Serialization;

/// <summary>
/// Instances of every protocol record built by reflection, with every field set: once with "full" values (non-null,
/// non-default, lists of several items) and once with the nulls and defaults a field admits.
/// </summary>
internal static class ProtocolSamples
{
    /// <summary>
    /// The one protocol record that cannot cross the wire: it carries the local facades of the process's threads
    /// (threads are local by design).
    /// </summary>
    public static readonly Type LocalOnly = typeof(Actors.Threads.ThreadRegistryProtocol.Enumerated);

    /// <summary>
    /// Every concrete <see cref="IPrimitiveMessage"/> that may cross the wire and every <see cref="IDurableState"/> and
    /// <see cref="IDurableEvent"/> of the core library.
    /// </summary>
    public static IEnumerable<Type> AllMessageTypes() => typeof(IPrimitiveMessage).Assembly.GetTypes()
        .Where(type => (typeof(IPrimitiveMessage).IsAssignableFrom(type) || typeof(IDurableState).IsAssignableFrom(type)
                        || typeof(IDurableEvent).IsAssignableFrom(type))
                       && type is { IsAbstract: false, IsInterface: false } && type != LocalOnly);

    /// <summary>An instance of <paramref name="type"/>; <paramref name="full"/> chooses the full or the empty variant.</summary>
    public static object Create(Type type, IActorRef reference, bool full)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var message = constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType, reference, full)).ToArray());
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite && constructor.GetParameters().All(parameter => parameter.Name != p.Name)))
            property.SetValue(message, Sample(property.PropertyType, reference, full));
        return message;
    }

    private static object? Sample(Type type, IActorRef reference, bool full)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return full ? Sample(underlying, reference, full) : null;
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type == typeof(long)) return full ? 1L << 61 : -3L;
        if (type == typeof(int)) return full ? 123_456 : 0;
        if (type == typeof(bool)) return full;
        if (type == typeof(double)) return full ? 2.5 : 0.0;
        if (type == typeof(string)) return full ? "condition-ä" : string.Empty;
        if (type == typeof(TimeSpan)) return TimeSpan.FromMilliseconds(full ? 1500.25 : 0);
        if (type == typeof(DateTimeOffset)) return full ? new DateTimeOffset(2026, 12, 3, 13, 45, 7, 123, TimeSpan.FromHours(2)) : default;
        if (type == typeof(IReadOnlyList<IActorRef>)) return full ? new[] { reference, ActorRefs.Nobody } : Array.Empty<IActorRef>();
        if (type == typeof(IActorRef)) return full ? reference : ActorRefs.Nobody;
        if (type == typeof(IReadOnlyList<string>)) return full ? new[] { "worker-1", "worker-2" } : Array.Empty<string>();
        if (type == typeof(IReadOnlyList<long>)) return full ? new long[] { 1, 2, 1L << 40 } : Array.Empty<long>();
        if (type == typeof(IReadOnlyList<object?>)) return full ? new object?[] { "a", 17, null } : Array.Empty<object?>();
        if (type == typeof(ImmutableDictionary<IActorRef, int>))
            return full ? ImmutableDictionary<IActorRef, int>.Empty.Add(reference, 3).Add(ActorRefs.Nobody, 1) : ImmutableDictionary<IActorRef, int>.Empty;
        if (type == typeof(ImmutableList<IActorRef>)) return full ? ImmutableList.Create(reference, ActorRefs.Nobody) : ImmutableList<IActorRef>.Empty;
        if (type == typeof(Exception)) return new InvalidOperationException("the action failed");
        if (type == typeof(object)) return full ? "item" : null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && IsNestedRecord(type.GenericTypeArguments[0]))
        {
            var items = Array.CreateInstance(type.GenericTypeArguments[0], full ? 2 : 0);
            for (var i = 0; i < items.Length; i++) items.SetValue(Create(type.GenericTypeArguments[0], reference, full), i);
            return items;
        }

        if (IsNestedRecord(type)) return Create(type, reference, full);
        throw new NotSupportedException($"No sample for {type}.");
    }

    /// <summary>A record of the core library inside a message (a report's waits, a deadlock's participants).</summary>
    private static bool IsNestedRecord(Type type) =>
        type.Assembly == typeof(IPrimitiveMessage).Assembly && type is { IsEnum: false, IsInterface: false, IsAbstract: false }
        && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    /// <summary>Asserts that <paramref name="actual"/> has the same type and field values as <paramref name="expected"/>.</summary>
    public static void AssertSame(object expected, object actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            AssertValue(property.Name, property.GetValue(expected), property.GetValue(actual));
    }

    private static void AssertValue(string name, object? expected, object? actual)
    {
        switch (expected)
        {
            case Exception exception:
                Assert.Equal(exception.Message, Assert.IsAssignableFrom<Exception>(actual).Message);
                break;
            case IDictionary map:
                var actualMap = Assert.IsAssignableFrom<IDictionary>(actual);
                Assert.Equal(map.Count, actualMap.Count);
                foreach (DictionaryEntry entry in map) AssertValue($"{name}[{entry.Key}]", entry.Value, actualMap[entry.Key]);
                break;
            case not null when IsNestedRecord(expected.GetType()):
                Assert.NotNull(actual);
                AssertSame(expected, actual);
                break;
            case IEnumerable sequence and not string:
                var expectedItems = sequence.Cast<object?>().ToList();
                var actualItems = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
                Assert.Equal(expectedItems.Count, actualItems.Count);
                for (var i = 0; i < expectedItems.Count; i++) AssertValue($"{name}[{i}]", expectedItems[i], actualItems[i]);
                break;
            default:
                Assert.True(Equals(expected, actual), $"{name}: expected {expected}, got {actual}.");
                break;
        }
    }
}
