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
    /// Waits until the primitive <paramref name="EntityId"/> (a lock or semaphore) grants a hold to an owner on another
    /// node than its own, then crashes the primitive's node at once, as <see cref="Kill"/> does: the new holder survives
    /// the crash, holding. Aims a hand-built schedule at the moment a primitive that forgets its holders would betray.
    /// </summary>
    /// <param name="EntityId">The primitive's entity id (<see cref="PrimitiveEntityIds"/>).</param>
    public sealed record KillHostAfterRemoteGrant(string EntityId) : Fault
    {
        /// <inheritdoc />
        public override async Task InjectAsync(InProcessCluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            await cluster.KillAsync(await RemoteGrant.AwaitAsync(cluster, EntityId).ConfigureAwait(false)).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public override string ToString() => $"kill the host of {EntityId} after a grant to another node";
    }
}
