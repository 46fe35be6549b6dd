using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ltv.Host.Api;

/// <summary>What POST /api/events checks before reading a byte (routing checks the media type): the encoding and the declared length.</summary>
public static class EventsBody
{
    public const string Json = "application/json";
    public const string NdJson = "application/x-ndjson";

    /// <summary>
    /// The media types the endpoint accepts (routing answers 415 to others). The reader tells the formats apart by
    /// content; these are only the names clients give them.
    /// </summary>
    public static IReadOnlyList<string> MediaTypes { get; } = [Json, NdJson, "application/ndjson", "application/jsonl", "application/x-jsonlines", "text/plain"];

    /// <summary>Why the request cannot be ingested, or null when it can.</summary>
    public static ProblemHttpResult? Problem(HttpRequest request, long? maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length > 0 && !encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported($"Content-Encoding '{encoding}' is not supported: send the body as it is, or gzip-compressed with Content-Encoding: gzip.");
        }

        if (maxBytes is { } max && request.ContentLength > max)
        {
            return TypedResults.Problem(
                $"The body is {request.ContentLength.Value.ToString("N0", CultureInfo.InvariantCulture)} bytes; this server accepts at most " +
                $"{max.ToString("N0", CultureInfo.InvariantCulture)} (setting Ltv:Api:MaxEventsBodyMegabytes). Split the input into several posts.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large");
        }

        return null;
    }

    private static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
}
