using Microsoft.AspNetCore.Http;

namespace Ltv.Host.Api;

/// <summary>
/// Clear messages for the problems routing answers by itself (no such endpoint, wrong method, wrong media type),
/// which otherwise come with a status and a title only.
/// </summary>
public static class RoutingProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"Nothing answers {request.Method} {request.Path}: GET /openapi/v1.json lists the endpoints.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not take {request.Method}: GET /openapi/v1.json lists the methods it takes.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"Content-Type '{request.ContentType}' is not accepted here: post events as {EventsBody.Json} (one event or an array of events) " +
                $"or {EventsBody.NdJson} (one event per line).",
            _ => null,
        };
    }
}
