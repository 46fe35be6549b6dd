using Spectre.Console;

namespace Ltv.Host.Cli;

/// <summary>Where a command writes its result: standard output, or a file given with --out.</summary>
public sealed class OutputTarget : IAsyncDisposable
{
    private readonly StreamWriter? _file;

    private OutputTarget(TextWriter writer, StreamWriter? file, bool isTerminal)
    {
        Writer = writer;
        _file = file;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!isTerminal)
        {
            // Files and pipes get the full table, not one wrapped to a guessed 80 columns.
            Console.Profile.Width = 200;
        }
    }

    public TextWriter Writer { get; }

    /// <summary>For tables; plain text when the target is not a terminal.</summary>
    public IAnsiConsole Console { get; }

    public static OutputTarget Open(FileInfo? file)
    {
        if (file is null)
        {
            return new OutputTarget(System.Console.Out, null, !System.Console.IsOutputRedirected);
        }

        var writer = new StreamWriter(file.FullName, append: false);
        return new OutputTarget(writer, writer, isTerminal: false);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.FlushAsync();
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
