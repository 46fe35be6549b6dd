using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ltv.Host.Cli;

/// <summary>
/// A command line the parser refused, as one line: what was wrong, what is allowed, and where the help is. Never
/// the help itself, which would bury the one line that matters (System.CommandLine prints it by default).
/// </summary>
public static class UsageErrors
{
    /// <summary>The exit code of a mistyped command: 1, as for any failure, so scripts need to tell nothing apart.</summary>
    public const int ExitCode = 1;

    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var what = parse.UnmatchedTokens.Count > 0 ? Unmatched(command, parse.UnmatchedTokens[0])
            : command.Action is null && command.Subcommands.Count > 0 ? $"missing a command: {Commands(command)}"
            : MissingArgument(parse) is { } missing ? $"missing <{missing.Name}> ({missing.Description?.TrimEnd('.')})"
            : FirstLine(parse.Errors[0].Message);
        return $"{what.TrimEnd('.')}; see '{CommandPath(parse.CommandResult)} --help'";
    }

    private static string Unmatched(Command command, string token) =>
        token.StartsWith('-') ? $"unknown option '{token}'"
        : command.Subcommands.Count > 0 && command.Arguments.Count == 0 ? $"unknown command '{token}': {Commands(command)}"
        : $"unexpected argument '{token}'";

    private static string Commands(Command command) =>
        $"the commands are {CliValues.Alternatives([.. command.Subcommands.Select(c => c.Name)])}";

    private static Argument? MissingArgument(ParseResult parse) =>
        parse.CommandResult.Command.Arguments.FirstOrDefault(a =>
            a.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(a) is not ArgumentResult given || given.Tokens.Count == 0));

    private static string CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? at = result; at is CommandResult command; at = at.Parent)
        {
            names.Push(command.Parent is null ? "ltv" : command.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
