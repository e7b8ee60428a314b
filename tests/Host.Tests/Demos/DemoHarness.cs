using Actors.Host.Demos;
using Microsoft.Extensions.Logging;

namespace Actors.Host.Tests.Demos;

/// <summary>Runs a demo of the host exactly as the command line does, at a fast time scale, and returns its lines.</summary>
internal static class DemoHarness
{
    public const double FastTimeScale = 0.01;

    /// <param name="name">The demo.</param>
    /// <param name="settings">Its settings; the fast time scale if null.</param>
    /// <param name="logs">Where the host's log goes; the console if null.</param>
    public static async Task<IReadOnlyList<string>> RunAsync(string name, DemoSettings? settings = null, ILoggerProvider? logs = null)
    {
        var demo = DemoCatalog.Find(name) ?? throw new ArgumentException($"no demo called {name}");
        var output = new StringWriter();
        await DemoRunner.RunAsync([demo], settings ?? new DemoSettings { TimeScale = FastTimeScale }, output, logs: logs)
            .WaitAsync(TimeSpan.FromMinutes(2));
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}
