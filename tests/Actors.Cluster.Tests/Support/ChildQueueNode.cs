using System.Diagnostics;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// The hard-kill test's child process (tests/Actors.Cluster.QueueHost, copied beside the tests): a one-node cluster
/// hosting a durable queue in a SQLite file, started in one mode, read line by line, killed with <see cref="Process.Kill(bool)"/>.
/// </summary>
public sealed class ChildQueueNode : IDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private ChildQueueNode(Process process) => _process = process;

    /// <summary>Starts the child in <paramref name="mode"/> and returns once it printed "ready" (its queue is reachable).</summary>
    public static async Task<ChildQueueNode> StartAsync(string mode, string database, string queueName)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Actors.Cluster.QueueHost.dll"), mode, database, queueName })
            start.ArgumentList.Add(argument);
        var child = new ChildQueueNode(Process.Start(start) ?? throw new InvalidOperationException("The child process did not start."));
        child._process.ErrorDataReceived += (_, _) => { };
        child._process.BeginErrorReadLine();
        await child.ExpectLineAsync("ready");
        return child;
    }

    /// <summary>The next line the child prints; null once its output has ended.</summary>
    /// <exception cref="TimeoutException">No line within a minute.</exception>
    public async Task<string?> ReadLineAsync() => await _process.StandardOutput.ReadLineAsync().WaitAsync(LineTimeout);

    /// <summary>Reads lines until <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidOperationException">The output ended first.</exception>
    public async Task ExpectLineAsync(string expected)
    {
        while (await ReadLineAsync() is { } line)
            if (line == expected) return;
        throw new InvalidOperationException($"The child ended (exit code {ExitCode()}) before printing '{expected}'.");
    }

    /// <summary>Kills the process at once (no shutdown of its actor system) and returns the lines it printed before dying that were not read yet.</summary>
    public async Task<List<string>> KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(LineTimeout);
        var rest = new List<string>();
        while (await ReadLineAsync() is { } line) rest.Add(line);
        return rest;
    }

    /// <summary>Kills the child if it still runs.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private string ExitCode() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running";
}
