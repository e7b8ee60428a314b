using Microsoft.Extensions.Logging;

namespace Actors.Tests.Support;

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every entry the application's loggers write, so a test can see what
/// reached <see cref="ILogger"/> (and how often), and wait for an entry without sleeping.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<(Func<Entry, bool> Matches, TaskCompletionSource<Entry> Seen)> _waits = [];

    /// <summary>One logged entry.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message);

    /// <summary>The entries so far, in the order they were written.</summary>
    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate) return [.. _entries];
        }
    }

    /// <summary>The first entry, past or future, that <paramref name="matches"/>.</summary>
    public Task<Entry> WaitForAsync(Func<Entry, bool> matches)
    {
        lock (_gate)
        {
            if (_entries.FirstOrDefault(matches) is { } entry) return Task.FromResult(entry);
            var seen = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((matches, seen));
            return seen.Task;
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var wait in _waits.Where(w => w.Matches(entry)).ToList())
            {
                _waits.Remove(wait);
                wait.Seen.TrySetResult(entry);
            }
        }
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add(new Entry(category, logLevel, formatter(state, exception)));
    }
}
