using System.Reflection;
using Actors.Lock;
using Actors.Queue;

namespace Actors.PackageTests;

/// <summary>The packed library, restored as a consumer restores it, creates and uses a lock and a queue.</summary>
public sealed class SmokeTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Library_IsLoadedFromThePackage_NotFromAProjectReference()
    {
        var assembly = typeof(ActorLock).Assembly;

        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Assert.StartsWith(PackageUnderTest.Version, informational);
        Assert.Equal("Actors", assembly.GetName().Name);
    }

    [Fact]
    public async Task Lock_GuardsAnUpdate_AndIsFreeAfterwards()
    {
        var mutex = ActorLock.Create(Sys, "smoke-lock");
        var counter = 0;

        await using (await mutex.LockAsync().WaitAsync(Patience))
        {
            Assert.True(await mutex.IsLockedAsync().WaitAsync(Patience));
            Assert.False(await mutex.TryAcquireAsync(TimeSpan.Zero).WaitAsync(Patience));
            counter++;
        }

        Assert.Equal(1, counter);
        Assert.False(await mutex.IsLockedAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Queue_HandsItemsOverInOrder()
    {
        var queue = ActorQueue<string>.Create(Sys, maxSize: 2, name: "smoke-queue");

        await queue.PutAsync("first").WaitAsync(Patience);
        await queue.PutAsync("second").WaitAsync(Patience);
        var full = await queue.TryPutAsync("third", TimeSpan.Zero).WaitAsync(Patience);

        Assert.False(full);
        Assert.Equal("first", await queue.GetAsync().WaitAsync(Patience));
        Assert.Equal("second", await queue.GetAsync().WaitAsync(Patience));
    }
}
