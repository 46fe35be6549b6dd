using Ltv.Projections.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Ltv.Projections.Store.Rebuild;

namespace Ltv.Host.Api;

/// <summary>
/// The one place failures become problem details: a mistake in the request is a 400 naming it, an unreachable
/// database a 503, anything else a 500 whose details go to the log only.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client has gone: nobody to answer
        }

        var (status, title, detail) = exception switch
        {
            UserError => (StatusCodes.Status400BadRequest, "Bad request", exception.Message),
            BadHttpRequestException bad => (bad.StatusCode, Title(bad.StatusCode), bad.Message),
            ReadModelBusyException => (StatusCodes.Status409Conflict, "Read model busy", exception.Message),
            DatabaseUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Database unavailable", exception.Message),
            _ when DatabaseUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "Database unavailable", DatabaseUnavailable.Describe(exception)),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not answer; its log has the details."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unexpected error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            Exception = exception,
        });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
