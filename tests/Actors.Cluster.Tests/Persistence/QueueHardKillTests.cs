namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// A durable queue in a process that is killed hard (<see cref="System.Diagnostics.Process.Kill(bool)"/>, no shutdown):
/// every put it acknowledged is there after the restart, in order, and an item delivered to a getter that died with the
/// process before confirming it comes back to its place.
/// </summary>
public sealed class QueueHardKillTests : IDisposable
{
    private const int AcknowledgedBeforeKill = 200;
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task HostKilled_EveryAcknowledgedPutSurvivesInOrder_AndAnUnconfirmedDeliveryComesBackToItsPlace()
    {
        const string queue = "hard-kill";
        var acknowledged = new List<int>();
        using (var producer = await ChildQueueNode.StartAsync("produce", _database.File, queue))
        {
            while (acknowledged.Count < AcknowledgedBeforeKill) acknowledged.Add(Acked(await producer.ReadLineAsync()));
            // Killed while it keeps putting: some puts are in flight, acknowledged or not.
            acknowledged.AddRange((await producer.KillAsync()).Select(Acked));
        }

        Assert.Equal(Enumerable.Range(1, acknowledged.Count), acknowledged);

        using (var getter = await ChildQueueNode.StartAsync("take", _database.File, queue))
        {
            Assert.Equal("took 1", await getter.ReadLineAsync());
            await getter.KillAsync();
        }

        using var drainer = await ChildQueueNode.StartAsync("drain", _database.File, queue);
        var drained = new List<int>();
        while (await drainer.ReadLineAsync() is { } line && line != "drained") drained.Add(int.Parse(line["item ".Length..], System.Globalization.CultureInfo.InvariantCulture));

        // Puts still in flight at the kill may or may not have been stored; all that were acknowledged are, in order.
        Assert.True(drained.Count >= acknowledged.Count, $"{drained.Count} items after the restart, {acknowledged.Count} acknowledged");
        Assert.Equal(Enumerable.Range(1, drained.Count), drained);
    }

    public void Dispose() => _database.Dispose();

    private static int Acked(string? line) =>
        line is not null && line.StartsWith("acked ", StringComparison.Ordinal)
            ? int.Parse(line["acked ".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Expected an acknowledgement, got '{line}'.");
}
