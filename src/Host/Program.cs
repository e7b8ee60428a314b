using Actors.Host;
using Akka.Actor;

// Until the scenario demos land, the host lists the primitives that exist and runs a quick tour of each.
using var system = ActorSystem.Create("actors-host", "akka.loglevel = WARNING");
Console.WriteLine("Python's threading primitives as Akka.NET coordinator actors. Available now:");
foreach (var line in QuickTour.Primitives) Console.WriteLine($"  {line}");
Console.WriteLine();
var ok = await QuickTour.RunAsync(system, Console.Out);
await system.Terminate();
return ok ? 0 : 1;
