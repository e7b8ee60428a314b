namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 27: active_count and enumerate match the threads started and still alive; current_thread names the caller.</summary>
public sealed class ThreadsInfoDemoTests
{
    [Fact]
    public async Task ThreadsInfo_CountsAndListsMatchWhatIsAlive()
    {
        var lines = await DemoHarness.RunAsync("threads-info");

        Assert.Equal([
            "before any start: active_count() = 1, enumerate() = [MainThread]",
            "current_thread() in the main program: MainThread",
        ], lines.Skip(1).Take(2));
        Assert.Equal([
            "current_thread() in a body: worker-1",
            "current_thread() in a body: worker-2",
            "current_thread() in a body: worker-3",
        ], lines.Skip(3).Take(3).Order());
        Assert.Equal([
            "3 threads started, all waiting: active_count() = 4, enumerate() = [MainThread, worker-1, worker-2, worker-3]",
            "worker-1 let go and joined (is_alive: False): active_count() = 3, enumerate() = [MainThread, worker-2, worker-3]",
            "all let go and joined: active_count() = 1, enumerate() = [MainThread]",
        ], lines.Skip(6));
    }
}
