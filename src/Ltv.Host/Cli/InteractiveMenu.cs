using Spectre.Console;

namespace Ltv.Host.Cli;

/// <summary>
/// <c>ltv</c> with no arguments on a terminal: a small menu for people who prefer it to remembering
/// commands. Every choice runs the same command a user could type.
/// </summary>
public static class InteractiveMenu
{
    private const string Ingest = "Ingest a file";
    private const string Top = "Top X customers by LTV";
    private const string Customer = "Show a customer";
    private const string Summary = "Summary of the data store";
    private const string Exit = "Exit";

    public static async Task<int> RunAsync(Func<string[], Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        while (true)
        {
            var choice = await Ask(new SelectionPrompt<string>()
                .Title("What would you like to do?")
                .AddChoices(Ingest, Top, Customer, Summary, Exit));
            string[]? args = choice switch
            {
                Ingest => ["ingest", await Ask(new TextPrompt<string>("File to ingest:"))],
                Top => ["top", (await Ask(new TextPrompt<int>("How many customers?").DefaultValue(10))).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                Customer => ["customer", await Ask(new TextPrompt<string>("Customer id:"))],
                Summary => ["summary"],
                _ => null,
            };
            if (args is null)
            {
                return 0;
            }

            await run(args);
            AnsiConsole.WriteLine();
        }
    }

    private static Task<T> Ask<T>(IPrompt<T> prompt) => prompt.ShowAsync(AnsiConsole.Console, CancellationToken.None);
}
