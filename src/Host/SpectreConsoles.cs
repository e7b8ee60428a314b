using Spectre.Console;

namespace Actors.Host;

/// <summary>Spectre.Console consoles over the writers the host prints to.</summary>
internal static class SpectreConsoles
{
    /// <summary>
    /// A console writing to <paramref name="output"/>: colour, and lines wrapped at the window's width, only when it is
    /// the process's own standard output or error and that is a terminal; a redirected run or a test's writer gets plain
    /// text in lines as long as they need.
    /// </summary>
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = IsTerminal(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!terminal) console.Profile.Width = UnwrappedWidth;
        return console;
    }

    /// <summary>Wide enough that no message or table of the host wraps.</summary>
    private const int UnwrappedWidth = 1_000;

    private static bool IsTerminal(TextWriter output) =>
        (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected);
}
