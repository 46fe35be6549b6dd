using System.CommandLine;
using JasperFx;
using Ltv.Host.Composition;

namespace Ltv.Host.Cli.Commands;

/// <summary>
/// <c>ltv codegen write</c>: writes Wolverine's handler code into src/Ltv.Host/Internal/Generated, where the build
/// compiles it and the product loads it (<c>TypeLoadMode.Static</c>). Run it after changing a message or a handler's
/// signature; a test fails while the committed code is stale. JasperFx's own <c>codegen</c> command does the work.
/// </summary>
public static class CodegenCommand
{
    private const string SolutionFile = "Ltv.EventSourced.sln";

    public static Command Create()
    {
        var action = new Argument<string>("action")
        {
            Description = "write (the generated files), preview (print them) or delete.",
            CustomParser = r => CliValues.Choice(r, "action", ("write", "write"), ("preview", "preview"), ("delete", "delete")),
        };
        var command = new Command("codegen", "Writes the pre-generated message handler code (for developers of ltv).") { action };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            using var host = GeneratedCodeHost.Build(ProjectFolder());
            return await host.RunJasperFxCommands(["codegen", parse.GetValue(action)!]);
        });
        return command;
    }

    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return Path.Combine(folder.FullName, "src", "Ltv.Host");
            }
        }

        throw new UserError($"ltv codegen runs inside the repository: no {SolutionFile} above {Environment.CurrentDirectory}.");
    }
}
