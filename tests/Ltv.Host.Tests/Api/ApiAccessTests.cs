using System.Net;
using System.Text;
using Ltv.Host.Api;

namespace Ltv.Host.Tests.Api;

/// <summary>The API key, request limits, and the problems for requests the API cannot take.</summary>
public sealed class ApiAccessTests(ApiServerFixture shared) : IClassFixture<ApiServerFixture>
{
    private const string OneEvent = """{"type": "CUSTOMER", "verb": "NEW", "key": "c1", "event_time": "2017-01-06T12:46:46.384Z", "last_name": "Smith"}""";

    private static HttpContent Event() => ApiServer.Body(Encoding.UTF8.GetBytes(OneEvent), EventsBody.Json);

    private static Uri Events { get; } = new("/api/events", UriKind.Relative);

    [Fact]
    public async Task a_post_without_the_key_is_a_401_problem_and_stores_nothing_while_reads_stay_open()
    {
        await using var server = await ApiServer.StartAsync();
        using var anonymous = server.NewClient(apiKey: null);
        using var wrong = server.NewClient("test-key-0123456788");

        using var missing = await anonymous.PostAsync(Events, Event());
        using var mistaken = await wrong.PostAsync(Events, Event());
        using var rebuild = await anonymous.PostAsync(new Uri("/api/projections/ltv_ranking/rebuild", UriKind.Relative), null);

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await missing.ReadAsync()).GetProperty("detail").GetString().ShouldBe("This server requires an API key for writes: send it in the X-Api-Key header.");
        mistaken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await mistaken.ReadAsync()).GetProperty("detail").GetString().ShouldBe("The X-Api-Key header does not hold this server's API key.");
        rebuild.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetJsonAsync("/api/ingests")).GetArrayLength().ShouldBe(0);
        (await server.Client.PostJsonAsync("/api/events", Event())).Long("accepted").ShouldBe(1);
    }

    [Fact]
    public async Task with_reads_protected_every_endpoint_but_health_needs_the_key()
    {
        await using var server = await ApiServer.StartAsync(new ApiSettings(ApiKey: ApiServer.Key, ProtectReads: true));
        using var anonymous = server.NewClient(apiKey: null);

        (await anonymous.GetAsync(new Uri("/api/customers/top", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.Client.GetJsonAsync("/api/customers/top")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task without_a_configured_key_writes_are_open()
    {
        await using var server = await ApiServer.StartAsync(new ApiSettings());

        (await server.Client.PostJsonAsync("/api/events", Event())).Long("accepted").ShouldBe(1);
    }

    [Fact]
    public async Task requests_over_the_rate_limit_are_429_problems_with_retry_after_and_health_is_exempt()
    {
        await using var server = await ApiServer.StartAsync(new ApiSettings(WritesPerMinute: 2, ReadsPerMinute: 3));

        for (var i = 0; i < 2; i++)
        {
            (await server.Client.PostAsync(Events, Event())).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var i = 0; i < 3; i++)
        {
            (await server.Client.GetAsync(new Uri("/api/ingests", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var write = await server.Client.PostAsync(Events, Event());
        using var read = await server.Client.GetAsync(new Uri("/api/ingests", UriKind.Relative));
        write.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        write.Headers.RetryAfter.ShouldNotBeNull();
        (await write.ReadAsync()).GetProperty("detail").GetString().ShouldBe("More than 2 writes a minute from this address; retry later.");
        read.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await server.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_body_over_the_size_limit_is_a_413_problem()
    {
        await using var server = await ApiServer.StartAsync(new ApiSettings(MaxEventsBodyBytes: 1000));
        var big = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat(OneEvent, 20)));

        using var declared = await server.Client.PostAsync(Events, ApiServer.Body(big, EventsBody.NdJson));
        using var chunked = await server.Client.PostAsync(Events, new StreamContent(new MemoryStream(big)) { Headers = { { "Content-Type", EventsBody.NdJson } } });

        declared.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await declared.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("this server accepts at most 1,000");
        chunked.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/csv", null, "Content-Type 'text/csv' is not accepted here: post events as application/json")]
    [InlineData("application/json", "br", "Content-Encoding 'br' is not supported")]
    public async Task a_body_in_another_format_or_encoding_is_a_415_problem_saying_what_is_accepted(string type, string? encoding, string says)
    {
        var content = ApiServer.Body(Encoding.UTF8.GetBytes(OneEvent), type);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        using var response = await shared.Server.Client.PostAsync(Events, content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldStartWith(says);
    }

    [Theory]
    [InlineData("/api/customers/top?x=abc", "Failed to bind parameter \"int x\" from \"abc\".")]
    [InlineData("/api/customers/top?x=-1", "x must be from 0 to 10,000; it is -1.")]
    [InlineData("/api/customers/top?timeframe=week", "Unknown timeframe 'week': use 'dataset' or 'customer'.")]
    [InlineData("/api/customers/top?lifespan=0", "lifespan must be more than 0 and at most 1000 years; it is 0.")]
    [InlineData("/api/customers/top?lifespan=1001", "lifespan must be more than 0 and at most 1000 years; it is 1001.")]
    [InlineData("/api/stats/daily/2017-13-01", "Invalid date '2017-13-01': write a date as YYYY-MM-DD, for example 2017-01-06.")]
    [InlineData("/api/stats/daily?from=2017-02-01&to=2017-01-01", "from 2017-02-01 is after to 2017-01-01.")]
    [InlineData("/api/rejected?limit=0", "limit must be from 1 to 1000; it is 0.")]
    public async Task a_bad_query_is_a_400_problem_naming_the_mistake(string path, string detail)
    {
        using var response = await shared.Server.Client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe(detail);
    }
}
