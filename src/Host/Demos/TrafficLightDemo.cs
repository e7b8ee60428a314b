using Actors.Event;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 9 (事件 Event): a traffic light sets an Event for green and clears it for red; the car drives while it is
/// set and waits on it when it is clear. The run is bounded: green, red, green, red, green, then the light switches off.
/// </summary>
/// <remarks>
/// <para>The light is an actor on a timer that talks to the event's coordinator by <c>Tell</c>; the car is async code
/// using the <see cref="ActorEvent"/> facade. The light prints each phase before it applies it, so the car can only
/// see red after a red line and can only start again after a green line.</para>
/// <para>Two changes from the tutorial, both for a demo that shows the same thing on every machine: the light is a
/// sensor light, whose red lasts its five seconds and then until a car waits at it (it asks the event how many wait),
/// so the car's stop always shows; and the light runs a fixed number of phases where the tutorial loops for ever.
/// The tutorial prints "Imgreen light is on..." for both colours; the red phase here says red.</para>
/// </remarks>
internal sealed class TrafficLightDemo : IDemo
{
    private const string Car = "MINT";
    private const int Phases = 5;
    private const int SecondsPerPhase = 5;

    public int Number => 9;

    public string Name => "traffic-light";

    public string Title => "a light actor sets/clears an Event; the car runs on green and waits on red, for 5 phases";

    public async Task RunAsync(DemoContext context)
    {
        var green = ActorEvent.Create(context.System, "green");
        var light = context.System.ActorOf(Props.Create(() => new Light(green.Coordinator, context, Phases, SecondsPerPhase)), "light");
        await light.Ask<Light.On>(Light.SwitchOn.Instance, context.Cancellation);

        using var parked = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        var car = Task.Run(() => DriveAsync(context, green, parked.Token));
        await light.WatchAsync(context.Cancellation);
        parked.Cancel();
        await car;
        context.WriteLine($"{Car} parked: the light ran {Phases} phases and switched off (the tutorial's loops never end)");
    }

    /// <summary>The tutorial's <c>car(name)</c>, until <paramref name="parked"/> is cancelled.</summary>
    private static async Task DriveAsync(DemoContext context, ActorEvent green, CancellationToken parked)
    {
        while (!parked.IsCancellationRequested)
        {
            if (await green.IsSetAsync())
            {
                context.WriteLine($"{Car} is running");
                try
                {
                    await Task.Delay(context.Seconds(1), parked);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else
            {
                context.WriteLine($"{Car} sees red light, waiting...");
                await green.WaitAsync(context.Cancellation);
                context.WriteLine($"{Car} green light is on, start going...");
            }
        }
    }

    /// <summary>
    /// The tutorial's <c>lighter()</c> as an actor: one tick a second; a phase of <c>secondsPerPhase</c> ticks; green is the
    /// event set, red the event clear. Stops itself after the last phase.
    /// </summary>
    private sealed class Light : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _event;
        private readonly DemoContext _context;
        private readonly int _phases;
        private readonly int _ticksPerPhase;
        private IActorRef? _switchedOnBy;
        private int _phase;
        private int _ticks;

        public Light(IActorRef eventCoordinator, DemoContext context, int phases, int ticksPerPhase)
        {
            _event = eventCoordinator;
            _context = context;
            _phases = phases;
            _ticksPerPhase = ticksPerPhase;

            Receive<SwitchOn>(_ =>
            {
                _switchedOnBy = Sender;
                Enter(0);
            });
            Receive<EventProtocol.WasSet>(_ =>
            {
                // The first green is in force: whoever switched the light on may now start the car.
                _switchedOnBy?.Tell(On.Instance);
                _switchedOnBy = null;
            });
            Receive<EventProtocol.Cleared>(_ => { });
            Receive<Tick>(_ => OnTick());
            Receive<EventProtocol.EventState>(state =>
            {
                if (state.Waiting > 0) Enter(_phase + 1);
                else Show();
            });
        }

        public ITimerScheduler Timers { get; set; } = null!;

        private bool IsGreen => _phase % 2 == 0;

        private void OnTick()
        {
            if (_ticks < _ticksPerPhase)
            {
                Show();
            }
            else if (_phase == _phases - 1)
            {
                _context.WriteLine($"the light switches off after {_phases} phases");
                Context.Stop(Self);
            }
            else if (IsGreen)
            {
                Enter(_phase + 1);
            }
            else
            {
                // The sensor: red turns green only once a car waits at it.
                _event.Tell(new EventProtocol.GetState(RequestIds.Next()));
            }
        }

        /// <summary>Starts phase <paramref name="phase"/>: prints it first, then sets or clears the event.</summary>
        private void Enter(int phase)
        {
            _phase = phase;
            _ticks = 0;
            Show();
            _event.Tell(IsGreen ? new EventProtocol.Set(RequestIds.Next()) : new EventProtocol.Clear(RequestIds.Next()));
        }

        /// <summary>One second of the current phase.</summary>
        private void Show()
        {
            _ticks++;
            _context.WriteLine(IsGreen ? "green light is on..." : "red light is on...");
            Timers.StartSingleTimer("tick", Tick.Instance, _context.Seconds(1));
        }

        /// <summary>Turns the light on; the reply, <see cref="On"/>, comes once the first green is in force.</summary>
        public sealed class SwitchOn
        {
            public static readonly SwitchOn Instance = new();

            private SwitchOn()
            {
            }
        }

        /// <summary>The light is on and green.</summary>
        public sealed class On
        {
            public static readonly On Instance = new();

            private On()
            {
            }
        }

        private sealed class Tick
        {
            public static readonly Tick Instance = new();

            private Tick()
            {
            }
        }
    }
}
