using Actors.Host.Demos;

namespace Actors.Host.Tests.Demos;

/// <summary>Runs a demo of the host exactly as the command line does, at a fast time scale, and returns its lines.</summary>
internal static class DemoHarness
{
    public const double FastTimeScale = 0.01;

    public static async Task<IReadOnlyList<string>> RunAsync(string name, DemoSettings? settings = null)
    {
        var demo = DemoCatalog.Find(name) ?? throw new ArgumentException($"no demo called {name}");
        var output = new StringWriter();
        await DemoRunner.RunAsync([demo], settings ?? new DemoSettings { TimeScale = FastTimeScale }, output)
            .WaitAsync(TimeSpan.FromMinutes(2));
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}
