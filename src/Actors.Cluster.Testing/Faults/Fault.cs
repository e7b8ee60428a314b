namespace Actors.Cluster.Testing.Faults;

/// <summary>One fault a <see cref="Nemesis"/> injects into an <see cref="InProcessCluster"/>.</summary>
public abstract record Fault
{
    /// <summary>Injects the fault.</summary>
    public abstract Task InjectAsync(InProcessCluster cluster);

    /// <summary>The link between two nodes cut both ways; each still sees the third.</summary>
    /// <param name="A">One node.</param>
    /// <param name="B">The other.</param>
    public sealed record Partition(int A, int B) : Fault
    {
        /// <inheritdoc />
        public override Task InjectAsync(InProcessCluster cluster) => cluster.PartitionAsync(A, B);

        /// <inheritdoc />
        public override string ToString() => $"partition {A}-{B}";
    }

    /// <summary>One node cut from every other: it is a minority of one.</summary>
    /// <param name="Node">The isolated node.</param>
    public sealed record Isolate(int Node) : Fault
    {
        /// <inheritdoc />
        public override async Task InjectAsync(InProcessCluster cluster)
        {
            foreach (var other in Enumerable.Range(0, cluster.Count).Where(n => n != Node))
                await cluster.PartitionAsync(Node, other).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public override string ToString() => $"isolate {Node}";
    }

    /// <summary>A node crashes: its actor system terminates without leaving the cluster.</summary>
    /// <param name="Node">The killed node.</param>
    public sealed record Kill(int Node) : Fault
    {
        /// <inheritdoc />
        public override Task InjectAsync(InProcessCluster cluster) => cluster.KillAsync(Node);

        /// <inheritdoc />
        public override string ToString() => $"kill {Node}";
    }

    /// <summary>
    /// The node that hosts the entity <paramref name="EntityId"/> when the fault is injected crashes, as
    /// <see cref="Kill"/> does: aims a hand-built schedule at a primitive wherever sharding placed it.
    /// </summary>
    /// <param name="EntityId">The primitive's entity id (<see cref="PrimitiveEntityIds"/>).</param>
    public sealed record KillHostOf(string EntityId) : Fault
    {
        /// <inheritdoc />
        public override async Task InjectAsync(InProcessCluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            var running = Enumerable.Range(0, cluster.Count).Where(n => cluster.Running(n) is not null).ToList();
            var host = await cluster.Primitives(running[0]).LocateAsync(EntityId).ConfigureAwait(false);
            await cluster.KillAsync(running.Single(n => cluster.AddressOf(n) == host)).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public override string ToString() => $"kill the host of {EntityId}";
    }
}
