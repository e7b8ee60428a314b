using System.Globalization;
using System.Text;
using Actors.Diagnostics;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// <c>demo NAME --live</c>: a table of every primitive of the demo's actor system (holders, waiters, queue depth, counts),
/// read with the statistics query. On a terminal it is redrawn in place under the demo's lines a few times a second;
/// elsewhere (a file, a test's <see cref="StringWriter"/>) only the final frame is written, without cursor movement.
/// </summary>
internal sealed class LiveView : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(1);

    private readonly ActorSystem _system;
    private readonly LiveWriter _writer;
    private readonly bool _inPlace;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LiveView(ActorSystem system, TextWriter output, bool inPlace)
    {
        _system = system;
        _inPlace = inPlace;
        _writer = new LiveWriter(output, inPlace);
        _loop = inPlace ? RefreshAsync() : Task.CompletedTask;
    }

    /// <summary>What the demo writes to: on a terminal its lines go above the frame, which is redrawn after them.</summary>
    public TextWriter Output => _writer;

    /// <summary>
    /// Starts the view of <paramref name="system"/> on <paramref name="output"/>; it redraws in place only when
    /// <paramref name="inPlace"/> (a terminal).
    /// </summary>
    public static LiveView Start(ActorSystem system, TextWriter output, bool inPlace) => new(system, output, inPlace);

    /// <summary>Whether <paramref name="output"/> is the console and the console is a terminal, so cursor movement works.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Stops refreshing and writes the final frame, which stays on the screen.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await RenderFrameAsync();
        _writer.Keep();
    }

    /// <summary>Reads every primitive's statistics and draws one frame.</summary>
    public async Task RenderFrameAsync()
    {
        var statistics = await PrimitiveRegistry.Get(_system).GetStatisticsAsync(QueryTimeout);
        _writer.DrawFrame(Format(statistics));
    }

    /// <summary>The lines of one frame.</summary>
    public static IReadOnlyList<string> Format(IReadOnlyList<CoordinatorProtocol.Statistics> statistics)
    {
        var lines = new List<string> { $"--- live: {statistics.Count} primitive(s)" };
        foreach (var s in statistics)
        {
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"  {s.Name,-24} {s.Kind,-16}");
            if (s.Holders.Count > 0 || s.HeldAnonymously)
                line.Append(CultureInfo.InvariantCulture, $" held by [{Names(s.Holders, s.HeldAnonymously)}]");
            line.Append(CultureInfo.InvariantCulture, $" waiting {s.Waiting}");
            if (s.WaitingOwners.Count > 0) line.Append(CultureInfo.InvariantCulture, $" [{Names(s.WaitingOwners, false)}]");
            if (s.QueueLength is { } length) line.Append(CultureInfo.InvariantCulture, $" items {length}");
            if (s.Round is { } round) line.Append(CultureInfo.InvariantCulture, $" rounds {round}");
            line.Append(CultureInfo.InvariantCulture,
                $" | grants {s.Acquisitions} timeouts {s.Timeouts} cancels {s.Cancellations} deaths {s.OwnerDeathReleases}" +
                $" | wait mean {s.MeanWaitMs:0.0} ms max {s.MaxWaitMs:0.0} ms");
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static string Names(IReadOnlyList<IActorRef> owners, bool anonymous)
    {
        var names = owners.Select(o => o.IsNobody() ? "anonymous" : o.Path.Name).ToList();
        if (anonymous) names.Add("anonymous");
        const int shown = 5;
        return names.Count <= shown ? string.Join(", ", names) : string.Join(", ", names.Take(shown)) + $", +{names.Count - shown}";
    }

    private async Task RefreshAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do await RenderFrameAsync();
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Passes the demo's text through and, on a terminal, keeps the frame below it: before text is written the frame is
    /// erased (cursor up, clear to the end of the screen), after a complete line it is drawn again.
    /// </summary>
    private sealed class LiveWriter(TextWriter inner, bool inPlace) : TextWriter
    {
        private readonly object _gate = new();
        private IReadOnlyList<string> _frame = [];
        private int _drawnLines;
        private bool _midLine;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (_gate)
            {
                Erase();
                inner.Write(value);
                _midLine = value != '\n';
                Redraw();
            }
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            lock (_gate)
            {
                Erase();
                inner.Write(value);
                _midLine = !value.EndsWith('\n');
                Redraw();
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine() => WriteLine(string.Empty);

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                Erase();
                inner.WriteLine(value);
                _midLine = false;
                Redraw();
            }
        }

        public override void Flush()
        {
            lock (_gate) inner.Flush();
        }

        /// <summary>Shows <paramref name="frame"/>: in place of the last one on a terminal, appended elsewhere.</summary>
        public void DrawFrame(IReadOnlyList<string> frame)
        {
            lock (_gate)
            {
                if (!inPlace)
                {
                    foreach (var line in frame) inner.WriteLine(line);
                    inner.Flush();
                    return;
                }

                Erase();
                _frame = frame;
                Redraw();
            }
        }

        /// <summary>Leaves the frame on the screen: later text goes below it.</summary>
        public void Keep()
        {
            lock (_gate)
            {
                _drawnLines = 0;
                _frame = [];
            }
        }

        private static int TerminalWidth()
        {
            try
            {
                return Console.WindowWidth > 1 ? Console.WindowWidth : int.MaxValue;
            }
            catch (Exception error) when (error is IOException or PlatformNotSupportedException or InvalidOperationException)
            {
                return int.MaxValue;
            }
        }

        private void Erase()
        {
            if (!inPlace || _drawnLines == 0) return;
            inner.Write($"\u001b[{_drawnLines}F\u001b[J");
            _drawnLines = 0;
        }

        private void Redraw()
        {
            if (!inPlace || _midLine || _frame.Count == 0) return;
            // A line wider than the terminal would wrap and the erase would count it as one: cut it to the width.
            var width = TerminalWidth();
            foreach (var line in _frame) inner.WriteLine(line.Length < width ? line : line[..(width - 1)]);
            _drawnLines = _frame.Count;
            inner.Flush();
        }
    }
}
