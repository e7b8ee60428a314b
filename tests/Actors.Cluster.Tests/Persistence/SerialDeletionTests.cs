using Actors.Cluster.Persistence;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>An entity's deletions go to the store one at a time, the furthest of those asked for meanwhile next.</summary>
public sealed class SerialDeletionTests
{
    private readonly List<long> _sent = [];

    [Fact]
    public void ADeletionAskedForWhileOneIsInFlight_WaitsForIt_AndOnlyTheFurthestIsSent()
    {
        var deletion = new SerialDeletion(_sent.Add);
        deletion.Request(3);
        deletion.Request(6);
        deletion.Request(9);
        deletion.Request(7);
        Assert.Equal([3], _sent);

        deletion.Ended();
        Assert.Equal([3, 9], _sent);
        deletion.Ended();
        Assert.Equal([3, 9], _sent);

        deletion.Request(12);
        Assert.Equal([3, 9, 12], _sent);
    }

    [Fact]
    public void AFailedDeletion_IsNotSentAgain_TheNextCoversItsRows()
    {
        var deletion = new SerialDeletion(_sent.Add);
        deletion.Request(3);
        deletion.Ended();
        Assert.Equal([3], _sent);
        deletion.Request(6);
        Assert.Equal([3, 6], _sent);
    }
}
