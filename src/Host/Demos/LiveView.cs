using System.Text;
using Akka.Actor;
using Spectre.Console;

namespace Actors.Host.Demos;

/// <summary>
/// <c>demo NAME --live</c>: a table of every primitive of the demo's actor system (<see cref="LiveTable"/>: holders with
/// what each holds, permits left, waiters, counts), read with the statistics query and each semaphore's and RLock's state.
/// On a terminal it is a Spectre.Console <c>Live</c> display, redrawn a few times a second under the demo's lines (which
/// go through the same console, so they appear above it); elsewhere (a file, a test's <see cref="StringWriter"/>) only the
/// final table is written, after the demo's lines.
/// </summary>
internal sealed class LiveView : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(1);

    private readonly ActorSystem _system;
    private readonly IAnsiConsole _console;
    private readonly bool _inPlace;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _display;

    // Spectre's live display takes its own lock and then the console's, while a console write from another thread takes
    // the console's and then (through the live render hook) the display's: the two orders deadlock. Every call into the
    // console and the display goes through this one gate, so only one thread is inside Spectre at a time.
    private readonly object _consoleGate = new();

    private LiveView(ActorSystem system, IAnsiConsole console, TextWriter output, bool inPlace)
    {
        _system = system;
        _console = console;
        _inPlace = inPlace;
        Output = inPlace ? new ConsoleLineWriter(console, output.Encoding, _consoleGate) : output;
        _display = inPlace ? DisplayAsync() : Task.CompletedTask;
    }

    /// <summary>What the demo writes to: on a terminal, the live console, so its lines go above the table.</summary>
    public TextWriter Output { get; }

    /// <summary>
    /// Starts the view of <paramref name="system"/> on <paramref name="output"/>; it redraws in place only when
    /// <paramref name="inPlace"/> (a terminal).
    /// </summary>
    public static LiveView Start(ActorSystem system, TextWriter output, bool inPlace) => new(system, SpectreConsoles.For(output), output, inPlace);

    /// <summary>Starts the view on a console of the caller's (a test's console with a fixed width and ANSI codes).</summary>
    public static LiveView Start(ActorSystem system, IAnsiConsole console, TextWriter output, bool inPlace) => new(system, console, output, inPlace);

    /// <summary>Whether <paramref name="output"/> is the console and the console is a terminal, so a live display works.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Stops refreshing and leaves the final table on the screen (written once, when not in place).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _display;
        if (!_inPlace) _console.Write(await BuildTableAsync());
    }

    /// <summary>Reads every primitive's statistics and state and builds one table.</summary>
    public async Task<Table> BuildTableAsync() => LiveTable.Build(await PrimitiveSnapshot.TakeAsync(_system, QueryTimeout));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _display;
        _stop.Dispose();
    }

    /// <summary>The live display: redraws until stopped, then draws the final table and leaves it.</summary>
    private Task DisplayAsync() => _console.Live(new Text("live: reading the primitives...")).AutoClear(false)
        .StartAsync(async live =>
        {
            using var timer = new PeriodicTimer(Interval);
            try
            {
                do
                {
                    Show(live, await BuildTableAsync());
                }
                while (await timer.WaitForNextTickAsync(_stop.Token));
            }
            catch (OperationCanceledException)
            {
            }
            Show(live, await BuildTableAsync());
        });

    private void Show(LiveDisplayContext live, Table table)
    {
        lock (_consoleGate)
        {
            live.UpdateTarget(table);
            live.Refresh();
        }
    }

    /// <summary>
    /// Passes the demo's text to the live console a whole line at a time (Spectre draws it above the live table); a
    /// partial line waits for its end.
    /// </summary>
    private sealed class ConsoleLineWriter(IAnsiConsole console, Encoding encoding, object consoleGate) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => encoding;

        public override void Write(char value)
        {
            lock (consoleGate)
            {
                if (value == '\n')
                {
                    console.WriteLine(_line.ToString().TrimEnd('\r'));
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            lock (consoleGate)
                foreach (var c in value ?? "") Write(c);
        }

        public override void WriteLine(string? value)
        {
            lock (consoleGate)
            {
                Write(value);
                Write('\n');
            }
        }
    }
}
