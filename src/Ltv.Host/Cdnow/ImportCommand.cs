using System.CommandLine;
using Ltv.Host.Cli;

namespace Ltv.Host.Cdnow;

/// <summary><c>ltv import cdnow FILE --out FILE</c>: other data sets turned into our raw events, to be ingested.</summary>
public static class ImportCommand
{
    public static Command Create() => new("import", "Convert another data set into raw events for 'ltv ingest'.") { Cdnow() };

    private static Command Cdnow()
    {
        var file = new Argument<FileInfo>("file") { Description = "CDNOW_sample.txt (5 columns) or CDNOW_master.txt (4 columns)." };
        var output = new Option<FileInfo>("--out") { Description = "The NDJSON file to write.", Required = true };
        var command = new Command("cdnow", "Convert the CDNOW purchase records into CUSTOMER and ORDER events (NDJSON).") { file, output };
        command.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                throw new UserError($"No such file: {input.FullName}");
            }

            var path = parse.GetValue(output)!.FullName;
            CdnowConversion written;
            try
            {
                written = await CdnowConverter.ConvertFileAsync(input.FullName, path, ct);
            }
            catch (CdnowFormatException e)
            {
                throw new UserError($"{input.Name}: {e.Message}");
            }

            await Console.Out.WriteLineAsync(
                $"Wrote {written.Customers} CUSTOMER and {written.Orders} ORDER events to {path}; load them with: ltv ingest {path}");
            return 0;
        });
        return command;
    }
}
