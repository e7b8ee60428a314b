using Actors.Host.CommandLine;

// With no command the host runs `compare` at its default size; `demo NAME|all` runs the tutorial's scenarios.
// Usage errors exit with 2, a comparison with a wrong result with 1.
return await HostCommandLine.InvokeAsync(args, HostActions.Real, Console.Out, Console.Error);
