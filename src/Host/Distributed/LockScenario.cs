using System.Diagnostics;
using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>
/// Owners each lock and release a name many times, doing a counted increment inside: one owner alone, many owners each
/// on a name of its own, or many owners on one name. Checked: every hold counted, never two holders of a name at once,
/// and fencing tokens rising where the way has them.
/// </summary>
internal sealed class LockScenario : IDistributedScenario
{
    private readonly Func<DistributedSizes, int> _owners;
    private readonly Func<DistributedSizes, int> _cycles;
    private readonly bool _oneName;

    private LockScenario(string name, string title, Func<DistributedSizes, int> owners, Func<DistributedSizes, int> cycles, bool oneName) =>
        (Name, Title, _owners, _cycles, _oneName) = (name, title, owners, cycles, oneName);

    /// <summary>One client alone cycling on one name: the cost of an uncontended acquire and release.</summary>
    public static LockScenario Alone { get; } = new("lock-alone",
        "one client alone locks and releases one name (in the actor cluster, a name whose entity lives on another node than the client's)",
        _ => 1, s => s.AloneCycles, oneName: true);

    /// <summary>Many owners, each on a name of its own: uncontended cycles on many names at once.</summary>
    public static LockScenario ManyNames { get; } = new("lock-names", "many owners, each locking and releasing a name of its own",
        s => s.NamedOwners, s => s.CyclesPerNamedOwner, oneName: false);

    /// <summary>Many owners contending for one name.</summary>
    public static LockScenario Contended { get; } = new("lock-contended", "many owners (16 by default) contending for one lock",
        s => s.ContendedOwners, s => s.CyclesPerContendedOwner, oneName: true);

    public string Name { get; }
    public string Title { get; }
    public string Unit => "cycle";
    public string LatencyMeaning => "the wait for the lock, from asking to holding it";

    public async Task<RunOutcome> RunAsync(IDistributedWay way, DistributedSizes sizes, string run, CancellationToken cancellation)
    {
        var (owners, cycles) = (_owners(sizes), _cycles(sizes));
        var names = owners == 1
            ? [await way.NameAwayFromAsync($"{run}-{Name}", 0)]
            : Enumerable.Range(0, owners).Select(i => _oneName ? $"{run}-{Name}" : $"{run}-{Name}-{i}").ToList();
        var probes = names.Distinct().ToDictionary(n => n, _ => new ExclusionProbe());
        var placement = _oneName && owners > 1 ? null : await way.DescribePlacementAsync(names);
        // Every name is used once before the clock starts: its first use creates it (an entity, a key), a one-off cost.
        foreach (var (name, owner) in names.Select((n, i) => (n, i)).DistinctBy(p => p.n))
            await (await way.LockAsync(name, owner, cancellation)).DisposeAsync();
        var recorders = Enumerable.Range(0, owners).Select(_ => new LatencyRecorder(cycles)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, owners).Select(owner => Task.Run(async () =>
        {
            var probe = probes[names[owner]];
            for (var i = 0; i < cycles; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await using var hold = await way.LockAsync(names[owner], owner, cancellation);
                recorders[owner].Add(start);
                probe.Enter(hold.FencingToken);
                probe.Exit();
            }
        }, cancellation)));
        var elapsed = clock.Elapsed;
        var (correct, check) = ExclusionProbe.Verdict(probes.Values, (long)owners * cycles);
        return new RunOutcome((long)owners * cycles, elapsed, correct, placement is null ? check : $"{check}; {placement}", LatencyRecorder.Merge(recorders));
    }
}
