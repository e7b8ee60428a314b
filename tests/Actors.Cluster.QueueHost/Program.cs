using Actors.Cluster;
using Actors.Cluster.Persistence;
using Actors.Cluster.QueueHost;
using Actors.Queue;
using Akka.Actor;
using Akka.Configuration;

// A one-node cluster hosting the durable FIFO queue <name> over the SQLite file <database>, doing one thing until it
// ends or is killed; every line it prints on standard output is a fact the test relies on:
//   produce <database> <name>  puts 1, 2, 3, ... (single puts and batches of five) and prints "acked N" for each item
//                              once its put is acknowledged, until killed;
//   take <database> <name>     takes one item by the raw protocol (anonymous owner), never confirms it, prints
//                              "took N", waits to be killed;
//   drain <database> <name>    waits until no delivery awaits confirmation, takes every item, prints "item N" for each
//                              and "drained", then exits.
// Standard output carries only those facts: everything else written to the console (Akka's own log lines) goes to
// standard error.
var facts = Console.Out;
Console.SetOut(Console.Error);

if (args is not [var mode, var database, var name])
{
    Console.Error.WriteLine("usage: produce|take|drain <database> <queue name>");
    return 2;
}

var system = await QueueNode.StartAsync(database);
var queue = ClusterPrimitives.Get(system).Queue<int>(name);
facts.WriteLine("ready");
switch (mode)
{
    case "produce":
        for (var next = 1; ; )
        {
            if (next % 2 == 0)
            {
                await queue.PutManyAsync(Enumerable.Range(next, 5));
                for (var i = next; i < next + 5; i++) facts.WriteLine($"acked {i}");
                next += 5;
            }
            else
            {
                await queue.PutAsync(next);
                facts.WriteLine($"acked {next++}");
            }
        }

    case "take":
        var entity = ClusterPrimitives.Get(system).EntityRef(PrimitiveEntityIds.Queue(name, Actors.Hosting.QueueKind.Fifo, 0));
        var got = (QueueProtocol.Got)await entity.Ask<object>(new QueueProtocol.Get(1, ActorRefs.Nobody), TimeSpan.FromSeconds(60));
        facts.WriteLine($"took {got.Item}");
        await system.WhenTerminated;
        return 0;
    case "drain":
        while ((await queue.GetStateAsync()).AwaitingConfirmation > 0) await Task.Delay(100);
        while (true)
        {
            IReadOnlyList<int> items;
            try
            {
                items = await queue.GetManyAsync(1000, TimeSpan.Zero);
            }
            catch (QueueEmptyException)
            {
                break;
            }

            foreach (var item in items) facts.WriteLine($"item {item}");
        }

        facts.WriteLine("drained");
        await system.Terminate();
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode {mode}");
        return 2;
}
