using System.Net;

namespace Ltv.Host.Tests.Api;

/// <summary>The CLV endpoints answer what `ltv clv ... --format json` prints on the CDNOW sample, posted to the API and ingested by the CLI.</summary>
public sealed class ApiClvTests(CdnowApiServer cdnow) : IClassFixture<CdnowApiServer>
{
    private HttpClient Client => cdnow.Server.Client;

    [Fact]
    public async Task fit_top_customer_and_validate_are_the_cli_json()
    {
        var cli = cdnow.Cli;

        (await Client.GetJsonAsync("/api/clv/fit?calibrationEnd=1997-09-30"))
            .ShouldBeSameJson((await cli.RunAsync("clv", "fit", "--calibration-end", "1997-09-30", "--format", "json")).Output);
        var top = await Client.GetJsonAsync("/api/clv/top?x=5&horizonMonths=6&discount=0.02");
        top.ShouldBeSameJson((await cli.RunAsync("clv", "top", "5", "--horizon-months", "6", "--discount", "0.02", "--format", "json")).Output);
        var id = top.GetProperty("customers")[0].GetProperty("customerId").GetString()!;
        (await Client.GetJsonAsync($"/api/clv/customers/{id}?unit=day"))
            .ShouldBeSameJson((await cli.RunAsync("clv", "customer", id, "--unit", "day", "--format", "json")).Output);
        using var unknown = await Client.GetAsync(new Uri("/api/clv/customers/nobody", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetJsonAsync("/api/clv/validate?calibrationEnd=1997-09-30"))
            .ShouldBeSameJson((await cli.RunAsync("clv", "validate", "--calibration-end", "1997-09-30", "--format", "json")).Output);
        (await Client.GetJsonAsync("/api/clv/validate?calibrationEnd=1997-09-30&holdoutEnd=1997-12-31&unit=day"))
            .ShouldBeSameJson((await cli.RunAsync(
                "clv", "validate", "--calibration-end", "1997-09-30", "--holdout-end", "1997-12-31", "--unit", "day", "--format", "json")).Output);
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
