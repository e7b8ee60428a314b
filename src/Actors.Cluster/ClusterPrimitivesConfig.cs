using Actors.Cluster.Serialization;
using Akka.Configuration;

namespace Actors.Cluster;

/// <summary>The HOCON that an actor system running cluster primitives needs: the protocol serializer and its binding.</summary>
public static class ClusterPrimitivesConfig
{
    /// <summary>The serializer's name in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "actors-primitives";

    /// <summary>
    /// Binds every <see cref="Actors.Protocol.IPrimitiveMessage"/> to <see cref="PrimitiveMessageSerializer"/>. Include
    /// it in the configuration of every node (it is a fallback of <c>WithClusterPrimitives</c> already), so that no
    /// protocol message goes over the wire with Akka's default JSON serializer.
    /// </summary>
    public static Config Serialization { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.{{SerializerName}} = "{{typeof(PrimitiveMessageSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "{{typeof(Actors.Protocol.IPrimitiveMessage).FullName}}, {{typeof(Actors.Protocol.IPrimitiveMessage).Assembly.GetName().Name}}" = {{SerializerName}}
          }
          serialization-identifiers {
            "{{typeof(PrimitiveMessageSerializer).FullName}}, {{typeof(PrimitiveMessageSerializer).Assembly.GetName().Name}}" = {{PrimitiveMessageSerializer.SerializerId}}
          }
        }
        """);
}
