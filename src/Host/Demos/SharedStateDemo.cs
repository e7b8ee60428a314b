using Actors.Event;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 5 (多线程共享全局变量): work1 adds 1 to <c>g_num = 100</c> three times and prints 103; work2, started
/// afterwards, prints 103 too, because both see the same variable.
/// </summary>
/// <remarks>
/// On actors the "global variable" is one actor that holds <c>g_num</c>: every worker of the actor system that
/// talks to it sees the same value, and no memory is shared between threads. The tutorial sleeps one second
/// and trusts work1 to be done by then; here work1 sets an <see cref="ActorEvent"/> when it is done and the
/// main program waits for it, so work2 reads after work1 on any machine. (The tutorial's
/// <c>t2.threading.Thread(...)</c> is meant as <c>t2 = threading.Thread(...)</c>.)
/// </remarks>
internal sealed class SharedStateDemo : IDemo
{
    private const int InitialValue = 100;

    public int Number => 5;

    public string Name => "shared-state";

    public string Title => "two workers see the same g_num, held by one actor: work1 adds 3 to 100, work2 reads 103";

    public async Task RunAsync(DemoContext context)
    {
        var gNum = context.System.ActorOf(Props.Create(() => new GlobalVariable(InitialValue)), "g_num");
        var work1Done = ActorEvent.Create(context.System, "work1-done");
        context.WriteLine($"g_num = {InitialValue} lives in the actor {gNum.Path.Name}; both workers talk to it");

        var work1 = Task.Run(async () =>
        {
            var value = 0;
            for (var i = 0; i < 3; i++) value = await gNum.Ask<int>(new GlobalVariable.Add(1), context.Cancellation);
            context.WriteLine($"in work1 g_num is: {value}");
            await work1Done.SetAsync();
        });

        // The tutorial's time.sleep(1), made certain: wait until work1 says it is done.
        await work1Done.WaitAsync(context.Cancellation);

        var work2 = Task.Run(async () =>
        {
            var value = await gNum.Ask<int>(GlobalVariable.Read.Instance, context.Cancellation);
            context.WriteLine($"in work2 g_num is: {value}");
        });
        await Task.WhenAll(work1, work2);
    }

    /// <summary>One shared value: <see cref="Add"/> changes it, <see cref="Read"/> reads it; both reply with the value.</summary>
    private sealed class GlobalVariable : ReceiveActor
    {
        private int _value;

        public GlobalVariable(int initialValue)
        {
            _value = initialValue;
            Receive<Add>(add => Sender.Tell(_value += add.Amount));
            Receive<Read>(_ => Sender.Tell(_value));
        }

        /// <summary><c>g_num += amount</c>; the reply is the new value.</summary>
        public sealed record Add(int Amount);

        /// <summary>Reads the value.</summary>
        public sealed class Read
        {
            public static readonly Read Instance = new();

            private Read()
            {
            }
        }
    }
}
