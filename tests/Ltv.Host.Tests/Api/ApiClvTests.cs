using System.Net;

namespace Ltv.Host.Tests.Api;

/// <summary>The CLV endpoints answer what `ltv clv ... --format json` prints on the CDNOW sample, posted to the API and ingested by the CLI.</summary>
public sealed class ApiClvTests(CdnowApiServer cdnow) : IClassFixture<CdnowApiServer>
{
    private HttpClient Client => cdnow.Server.Client;

    [Theory]
    [InlineData("/api/clv/fit?calibrationEnd=1997-09-30", "clv fit --calibration-end 1997-09-30", typeof(Host.Clv.ClvFitResponse))]
    [InlineData("/api/clv/top?x=5&horizonMonths=6&discount=0.02", "clv top 5 --horizon-months 6 --discount 0.02", typeof(Host.Clv.ClvTopResponse))]
    [InlineData("/api/clv/validate?calibrationEnd=1997-09-30", "clv validate --calibration-end 1997-09-30", typeof(Host.Clv.ClvValidationResponse))]
    [InlineData(
        "/api/clv/validate?calibrationEnd=1997-09-30&holdoutEnd=1997-12-31&unit=day",
        "clv validate --calibration-end 1997-09-30 --holdout-end 1997-12-31 --unit day",
        typeof(Host.Clv.ClvValidationResponse))]
    public async Task fit_top_and_validate_over_http_and_on_the_cli_are_the_same_response_records(string path, string command, Type record)
    {
        var cli = await cdnow.Cli.RunAsync([.. command.Split(' '), "--format", "json"]);
        var http = await Client.GetJsonAsync(path);

        cli.ExitCode.ShouldBe(0, cli.Error);
        http.ShouldBeTheSameRecordAs(cli.Output, record);
    }

    [Fact]
    public async Task one_customer_over_http_and_on_the_cli_is_the_same_response_record_and_an_unknown_one_the_same_mistake()
    {
        var top = await Client.GetJsonAsync("/api/clv/top?x=1");
        var id = top.GetProperty("customers")[0].GetProperty("customerId").GetString()!;
        var cli = await cdnow.Cli.RunAsync("clv", "customer", id, "--unit", "day", "--format", "json");
        var http = await Client.GetJsonAsync($"/api/clv/customers/{id}?unit=day");

        cli.ExitCode.ShouldBe(0, cli.Error);
        ApiJson.ShouldBeRecord<Host.Clv.ClvCustomerAnswer>(http.GetRawText()).Customer
            .ShouldBe(ApiJson.ShouldBeRecord<Host.Clv.ClvCustomerAnswer>(cli.Output).Customer);
        http.ShouldBeSameJson(cli.Output);

        var unknownCli = await cdnow.Cli.RunAsync("clv", "customer", "nobody");
        using var unknown = await Client.GetAsync(new Uri("/api/clv/customers/nobody", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownCli.ExitCode.ShouldBe(1);
        unknownCli.Error.Trim().ShouldBe($"ltv: {(await unknown.ReadAsync()).GetProperty("detail").GetString()}");
    }

    [Theory]
    [InlineData("", "calibrationEnd\" was not provided")]
    [InlineData("?calibrationEnd=1997-13-01", "Invalid calibrationEnd '1997-13-01'")]
    [InlineData("?calibrationEnd=1997-09-30&holdoutEnd=30.09.1997", "Invalid holdoutEnd '30.09.1997'")]
    [InlineData("?calibrationEnd=1997-09-30&holdoutEnd=1997-09-30", "the holdout must end after the calibration end 1997-09-30")]
    [InlineData("?calibrationEnd=1997-09-30&unit=month", "Unknown unit 'month'")]
    public async Task validate_answers_a_bad_query_with_a_problem_naming_it(string query, string problem)
    {
        using var response = await Client.GetAsync(new Uri("/api/clv/validate" + query, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(problem);
    }
}
