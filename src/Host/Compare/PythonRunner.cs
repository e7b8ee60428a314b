using System.Diagnostics;
using System.Text.Json;

namespace Actors.Host.Compare;

/// <summary>
/// Runs the same scenarios in CPython (threading, queue, concurrent.futures) as a child process: the script is
/// embedded in the host and written to a temp file; sizes go in as JSON, figures come back as JSON on stdout.
/// </summary>
internal static class PythonRunner
{
    public const string Column = "python";

    /// <summary>The figures of a Python run, or why there are none.</summary>
    public sealed record Outcome(string? Version, IReadOnlyDictionary<string, WayResult> Results, string? Note);

    public static async Task<Outcome> RunAsync(CompareSizes sizes, IEnumerable<string> scenarios, Action<string> progress, CancellationToken cancellation)
    {
        var python = FindOnPath("python3");
        if (python is null) return new Outcome(null, new Dictionary<string, WayResult>(), "python3 is not on the PATH: the Python column was skipped.");

        var script = Path.Combine(Path.GetTempPath(), $"actors-compare-{Environment.ProcessId}-{Guid.NewGuid():N}.py");
        await using (var resource = typeof(PythonRunner).Assembly.GetManifestResourceStream("Actors.Host.Compare.compare.py")
                     ?? throw new InvalidOperationException("The Python script is not embedded in the host."))
        await using (var file = File.Create(script))
            await resource.CopyToAsync(file, cancellation);
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(SizesJson(sizes));
            start.ArgumentList.Add(string.Join(',', scenarios));
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) progress(line); };
            process.BeginErrorReadLine();
            var stdout = await process.StandardOutput.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            if (process.ExitCode != 0) return Failed($"python3 exited with code {process.ExitCode}.");
            return Parse(stdout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed($"python3 could not run the scenarios: {e.Message}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static Outcome Failed(string note) => new(null, new Dictionary<string, WayResult>(), note);

    private static string SizesJson(CompareSizes s) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Runs"] = s.Runs, ["WarmupRuns"] = s.WarmupRuns,
        ["CounterWorkers"] = s.CounterWorkers, ["IncrementsPerWorker"] = s.IncrementsPerWorker,
        ["Accounts"] = s.Accounts, ["BankWorkers"] = s.BankWorkers, ["TransfersPerWorker"] = s.TransfersPerWorker,
        ["QueueItems"] = s.QueueItems, ["QueueCapacity"] = s.QueueCapacity, ["Producers"] = s.Producers, ["Consumers"] = s.Consumers,
        ["IoClients"] = s.IoClients, ["IoJobsPerClient"] = s.IoJobsPerClient, ["IoLimit"] = s.IoLimit, ["IoDelaySeconds"] = s.IoDelay.TotalSeconds,
        ["BarrierParties"] = s.BarrierParties, ["BarrierPhases"] = s.BarrierPhases,
        ["SmallJobs"] = s.SmallJobs, ["CpuJobs"] = s.CpuJobs, ["CpuPrimeBound"] = s.CpuPrimeBound,
        ["UnevenJobs"] = s.UnevenJobs, ["UnevenWorkers"] = s.UnevenWorkers, ["LongJobSeconds"] = s.LongJob.TotalSeconds,
    });

    private static Outcome Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var results = new Dictionary<string, WayResult>();
        foreach (var s in root.GetProperty("scenarios").EnumerateArray())
        {
            static double? Maybe(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : null;
            results[s.GetProperty("name").GetString()!] = new WayResult(Column,
                s.GetProperty("opsPerSecondMedian").GetDouble(), s.GetProperty("opsPerSecondMin").GetDouble(), s.GetProperty("opsPerSecondMax").GetDouble(),
                Maybe(s, "p50Micros"), Maybe(s, "p99Micros"), s.GetProperty("correct").GetBoolean(), s.GetProperty("check").GetString() ?? "",
                s.GetProperty("runs").GetInt32());
        }
        return new Outcome(root.GetProperty("python").GetString(), results, null);
    }

    /// <summary>The full path of the program <paramref name="name"/> on the PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
