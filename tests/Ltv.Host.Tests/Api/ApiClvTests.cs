using System.Net;
using Ltv.Host.Cdnow;
using Ltv.Host.Tests.Clv;
using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Api;

/// <summary>The CLV endpoints answer what `ltv clv ... --format json` prints on the CDNOW sample, posted to the API and ingested by the CLI.</summary>
public sealed class ApiClvTests
{
    [Fact]
    public async Task fit_top_and_customer_are_the_cli_json()
    {
        await using var server = await ApiServer.StartAsync();
        var events = CdnowPublished.TempFile("ndjson");
        try
        {
            await CdnowConverter.ConvertFileAsync(CdnowPublished.Sample, events, default);
            await server.Client.PostJsonAsync("/api/events", ApiServer.Body(await File.ReadAllBytesAsync(events), "application/x-ndjson"));
            var cli = new LtvProcess(server.Store.Database.ConnectionString);
            (await cli.RunAsync("ingest", events)).ExitCode.ShouldBe(0);

            (await server.Client.GetJsonAsync("/api/clv/fit?calibrationEnd=1997-09-30"))
                .ShouldBeSameJson((await cli.RunAsync("clv", "fit", "--calibration-end", "1997-09-30", "--format", "json")).Output);
            var top = await server.Client.GetJsonAsync("/api/clv/top?x=5&horizonMonths=6&discount=0.02");
            top.ShouldBeSameJson((await cli.RunAsync("clv", "top", "5", "--horizon-months", "6", "--discount", "0.02", "--format", "json")).Output);
            var id = top.GetProperty("customers")[0].GetProperty("customerId").GetString()!;
            (await server.Client.GetJsonAsync($"/api/clv/customers/{id}?unit=day"))
                .ShouldBeSameJson((await cli.RunAsync("clv", "customer", id, "--unit", "day", "--format", "json")).Output);
            using var unknown = await server.Client.GetAsync(new Uri("/api/clv/customers/nobody", UriKind.Relative));
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(events);
        }
    }
}
