namespace Actors.Cluster.Testing.Faults;

/// <summary>
/// A sequence of faults drawn from a seed: the same seed gives the same schedule, so a failing run is replayed by its
/// seed. Faults are partitions between two nodes, isolations of one node, and kills; each is held for a time drawn
/// between <see cref="FaultScheduleOptions.ShortestHold"/> and <see cref="FaultScheduleOptions.LongestHold"/> (some
/// shorter than the downing time, so that a partition heals before anyone is downed), then healed.
/// </summary>
public sealed class FaultSchedule
{
    /// <summary>A schedule of the given <paramref name="steps"/>, built by hand (for a test that must hit a given moment).</summary>
    /// <param name="seed">The seed the nemesis prints with it (a hand-built schedule is replayed by the test that builds it).</param>
    /// <param name="steps">The steps, in order.</param>
    public FaultSchedule(int seed, IReadOnlyList<FaultStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Seed = seed;
        Steps = steps;
    }

    /// <summary>The seed it was drawn from.</summary>
    public int Seed { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<FaultStep> Steps { get; }

    /// <summary>Draws <see cref="FaultScheduleOptions.Steps"/> steps for a cluster of <paramref name="nodes"/> nodes from <paramref name="seed"/>.</summary>
    public static FaultSchedule Draw(int seed, int nodes, FaultScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 3);
        var random = new Random(seed);
        var steps = new List<FaultStep>();
        for (var i = 0; i < options.Steps; i++)
        {
            Fault fault = random.Next(3) switch
            {
                0 => PartitionOf(random, nodes),
                1 => new Fault.Isolate(random.Next(nodes)),
                _ => new Fault.Kill(random.Next(nodes)),
            };
            var hold = options.ShortestHold + (options.LongestHold - options.ShortestHold) * random.NextDouble();
            steps.Add(new FaultStep(fault, hold, options.Calm));
        }

        return new FaultSchedule(seed, steps);
    }

    /// <inheritdoc />
    public override string ToString() => $"seed {Seed}: {string.Join("; ", Steps)}";

    /// <summary>Two nodes, any pair.</summary>
    private static Fault.Partition PartitionOf(Random random, int nodes)
    {
        var first = random.Next(nodes);
        var second = (first + 1 + random.Next(nodes - 1)) % nodes;
        return new Fault.Partition(Math.Min(first, second), Math.Max(first, second));
    }
}
