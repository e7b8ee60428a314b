using Actors.Hosting;
using Actors.Queue;
using Actors.Tests.Hosting.Readme;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Hosting;

/// <summary>The README's Akka.Hosting example is the compiled file Readme/HostingExample.cs, and it works.</summary>
public sealed class ReadmeExampleTests
{
    private const string StartMarker = "// README:start";
    private const string EndMarker = "// README:end";

    [Fact]
    public void Readme_QuotesTheCompiledExample_WordForWord()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllText(Path.Combine(root, "tests", "Actors.Tests", "Hosting", "Readme", "HostingExample.cs")).ReplaceLineEndings("\n");
        var example = source[(source.IndexOf(StartMarker, StringComparison.Ordinal) + StartMarker.Length)..source.IndexOf(EndMarker, StringComparison.Ordinal)].Trim('\n');

        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("## In an Akka.Hosting application", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no section \"In an Akka.Hosting application\"");
        var blockStart = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var quoted = readme[blockStart..readme.IndexOf("\n```", blockStart, StringComparison.Ordinal)];
        Assert.Equal(example, quoted);
    }

    [Fact]
    public async Task Example_RunsJobsGuardsDepositsReportsHealthyAndStops()
    {
        using var host = ExampleHost.Build([]);
        await host.StartAsync();
        try
        {
            var jobs = host.Services.GetRequiredKeyedService<ActorQueue<string>>(typeof(JobQueue));
            await jobs.PutAsync("job-1");
            await jobs.JoinAsync().WaitAsync(TimeSpan.FromSeconds(30));   // the worker took it, ran it and marked it done

            var accounts = host.Services.GetRequiredService<Accounts>();
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => accounts.DepositAsync(1)));
            Assert.Equal(11, await accounts.DepositAsync(1));

            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Entries["actors-primitives"].Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "README.md")) && Directory.Exists(Path.Combine(directory.FullName, "tests")))
                return directory.FullName;
        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }
}
