using System.CommandLine;
using System.CommandLine.Parsing;
using Spectre.Console;

namespace Actors.Host.CommandLine;

/// <summary>
/// The one message a command line that does not parse gets: the first error only, since later ones are mostly echoes
/// of it (after an unknown option, its value is unknown too), followed by where to read the usage.
/// </summary>
internal static class UsageError
{
    /// <summary>The process's exit code for every usage error.</summary>
    public const int ExitCode = 2;

    /// <summary>Writes the message for <paramref name="parse"/>'s first error to <paramref name="error"/>.</summary>
    public static void Write(ParseResult parse, TextWriter error)
    {
        var console = SpectreConsoles.For(error);
        console.MarkupLine($"[red]error:[/] {Markup.Escape(MessageFor(parse))}");
        var command = parse.CommandResult.Command;
        var path = command is RootCommand ? command.Name : $"{parse.RootCommandResult.Command.Name} {command.Name}";
        console.MarkupLine($"[grey]See '{Markup.Escape(path)} --help' for the usage.[/]");
    }

    /// <summary>
    /// An unknown word first (named as another command's option when it is one, the commonest slip), else the first
    /// error that validation found.
    /// </summary>
    public static string MessageFor(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.FirstOrDefault() is not { } token) return OneLine(parse.Errors[0]);
        var owners = parse.RootCommandResult.Command.Subcommands
            .Where(other => other != command && other.Options.Any(option => option.Name == token || option.Aliases.Contains(token)))
            .Select(other => $"'{other.Name}'")
            .ToList();
        return owners.Count > 0
            ? $"{token} is an option of {string.Join(" and ", owners)}, not of {Describe(command)}."
            : $"{Describe(command)} does not take '{token}'.";
    }

    /// <summary>
    /// The error on one line, naming its option: System.CommandLine lists the values that <c>AcceptOnlyFromAmong</c>
    /// allows one a line and says only "Argument 'x' not recognized".
    /// </summary>
    private static string OneLine(ParseError error)
    {
        var message = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return OptionOf(error.SymbolResult) is { } option && !message.Contains(option, StringComparison.Ordinal)
            ? $"{option}: {message}"
            : message;
    }

    private static string? OptionOf(SymbolResult? result) => result switch
    {
        OptionResult option => option.Option.Name,
        ArgumentResult { Parent: OptionResult option } => option.Option.Name,
        _ => null,
    };

    private static string Describe(Command command) =>
        command is RootCommand ? "'compare' (the command that runs when none is given)" : $"'{command.Name}'";
}
