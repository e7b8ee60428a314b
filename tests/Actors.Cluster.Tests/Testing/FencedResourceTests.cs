using Actors.Cluster.Testing.Models;
using Actors.Cluster.Testing.Workloads;

namespace Actors.Cluster.Tests.Testing;

/// <summary>The fencing audit of <see cref="FencedResource"/> on hand-made lock histories.</summary>
public sealed class FencedResourceTests
{
    [Fact]
    public void Audit_StaleHolderRefused_IsNoViolation()
    {
        var history = new HandMadeHistory().Ok(1, LockModel.Acquire, 0, 1, output: 1L).Ok(2, LockModel.Acquire, 2, 3, output: 2L);
        var resource = new FencedResource();
        resource.Write(2, 2);
        resource.Write(1, 1);

        Assert.Empty(resource.Audit(history.Operations));
        Assert.Equal((1, 1), resource.Counts);
    }

    [Fact]
    public void Audit_TokenGrantedTwice_IsAViolation_ThoughTheGuardRefusedTheSecondHoldersWrites()
    {
        // A lock that forgot its state counts its tokens from zero again: its second "1" is refused as if it were stale.
        var history = new HandMadeHistory().Ok(1, LockModel.Acquire, 0, 1, output: 1L).Ok(2, LockModel.Acquire, 5, 6, output: 1L);
        var resource = new FencedResource();
        resource.Write(1, 1);
        resource.Write(2, 1);

        Assert.Contains(resource.Audit(history.Operations), v => v.Contains("token 1 was granted 2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_WriteWithATokenNoGrantCarried_IsAViolation()
    {
        var history = new HandMadeHistory().Ok(1, LockModel.Acquire, 0, 1, output: 1L);
        var resource = new FencedResource();
        resource.Write(1, 7);

        Assert.Contains(resource.Audit(history.Operations), v => v.Contains("no acknowledged grant", StringComparison.Ordinal));
    }
}
