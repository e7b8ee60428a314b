using System.CommandLine;

namespace Actors.Host.CommandLine;

/// <summary>
/// The host's command line: <c>compare</c> (also what runs with no command), <c>demo</c> and <c>soak</c>. Every usage error is found
/// by System.CommandLine's parsing and validators before anything runs, and gets one message and exit code
/// <see cref="UsageError.ExitCode"/>.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>The root command, with <paramref name="actions"/> as what its commands run.</summary>
    public static RootCommand Build(HostActions actions)
    {
        var compare = new CompareCommandLine();
        var compareCommand = new Command("compare", "Run each scenario with shared memory, coordinator actors, actor-native messages and CPython; report speed and latency.");
        compare.AddTo(compareCommand, actions);

        var root = new RootCommand("Python's threading tutorial rebuilt on Akka.NET coordinator actors. Without a command, runs 'compare'.")
        {
            new DemoCommandLine().Build(actions),
            compareCommand,
            new SoakCommandLine().Build(actions),
        };
        compare.AddTo(root, actions);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs what they ask for; returns the process's exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, HostActions actions, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var parse = Build(actions).Parse(args);
        if (parse.Errors.Count > 0)
        {
            UsageError.Write(parse, error);
            return UsageError.ExitCode;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellation);
    }
}
