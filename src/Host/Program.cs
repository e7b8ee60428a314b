using Actors.Host.CommandLine;

// With no command the host runs `compare` at its default size; `demo NAME|all` runs the tutorial's scenarios.
// `soak` runs fault schedules against the cluster primitives. Usage errors exit with 2, a comparison with a wrong
// result or a soak that found a violation with 1.
return await HostCommandLine.InvokeAsync(args, HostActions.Real, Console.Out, Console.Error);
