using Ltv.Host.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ltv.Host.Ingestion;

/// <summary>POST /api/events: the body streamed through the same pipeline as `ltv ingest`, as one ingest run.</summary>
public static class EventsEndpoint
{
    public const string Path = ApiRoutes.Events;

    public static IEndpointRouteBuilder MapEventsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostEventsAsync)
            .WithTags("Events")
            .WithName("PostEvents")
            .WithSummary("Ingest events: one event, a JSON array, or NDJSON (application/x-ndjson); Content-Encoding: gzip accepted.")
            .WithDescription(
                "The body is streamed, never held in memory, and committed in batches. Duplicates are counted, not stored " +
                "again; invalid records are stored as rejections. A JSON syntax error outside NDJSON ends the body: what came " +
                "before is kept, the rest is one rejection, and the answer is 400 with the summary under \"ingest\".")
            .Accepts<RawEventDocument[]>(EventsBody.Json, [.. EventsBody.MediaTypes.Skip(1)])
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> PostEventsAsync(
        HttpContext http, IMessageBus bus, RejectedEventStore rejected, ApiSettings settings, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (EventsBody.Problem(http.Request, settings.MaxEventsBodyBytes) is { } refused)
        {
            return refused;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = settings.MaxEventsBodyBytes;
        }

        // Shutting down stops the ingest at once: the batches in flight roll back, the committed ones stay.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var source = $"POST {Path} {http.TraceIdentifier}";
        IngestSummary summary;
        try
        {
            summary = await bus.InvokeAsync<IngestSummary>(new IngestRun([new IngestSource(source, http.Request.Body, http.Request.ContentLength)]), stop.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Problem(
                "The server is shutting down. The batches committed so far stay and those in flight were rolled back; post the same body " +
                "again later (events already stored count as duplicates). GET /api/ingests shows the run.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Shutting down");
        }
        catch (BadHttpRequestException e)
        {
            return TypedResults.Problem(
                $"{e.Message} The batches committed before that stay; GET /api/ingests shows the run.", statusCode: e.StatusCode, title: "Body not read to its end");
        }

        var rows = await rejected.ListAsync(summary.RunId, reason: null, includeResolved: true, afterId: 0, ApiSettings.RejectionsInResponse + 1, http.RequestAborted);
        var response = IngestResponse.From(summary, rows, ApiSettings.RejectionsInResponse);
        if (summary.Completed)
        {
            return TypedResults.Ok(response);
        }

        var why = summary.Message is { } m && m.StartsWith(source + ": ", StringComparison.Ordinal) ? m[(source.Length + 2)..] : summary.Message;
        var detail = why == SourceContent.NotJson
            ? $"The body could not be read: {why}. What it held is stored as rejections."
            : $"The body could not be read to its end: {why}. The events before that point were ingested as usual; the rest is stored as one rejection.";
        return TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Malformed body",
            extensions: new Dictionary<string, object?> { ["ingest"] = response });
    }
}
