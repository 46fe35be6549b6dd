using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Ltv.Host.Api;

/// <summary>
/// Requests per client address per minute (reads and writes counted apart, /health exempt) and a cap on
/// event posts processed at once, each ingest holding database connections for as long as its body lasts.
/// </summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddLtvRateLimits(this IServiceCollection services, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerClient(settings), Ingests(settings));
            options.OnRejected = (context, ct) => RejectAsync(context, settings, ct);
        });
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(ApiSettings settings) =>
        PartitionedRateLimiter.Create<HttpContext, (string Client, bool Write)>(context =>
        {
            var write = IsWrite(context.Request);
            var key = (context.Connection.RemoteIpAddress?.ToString() ?? "unknown", write);
            var limit = write ? settings.WritesPerMinute : settings.ReadsPerMinute;
            if (limit <= 0 || context.Request.Path.StartsWithSegments(ApiRoutes.Health))
            {
                return RateLimitPartition.GetNoLimiter(("*", write)); // a partition of its own: the first limiter made for a key is kept
            }

            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });

    private static PartitionedRateLimiter<HttpContext> Ingests(ApiSettings settings) =>
        PartitionedRateLimiter.Create<HttpContext, bool>(context =>
            IsIngest(context.Request)
                ? RateLimitPartition.GetConcurrencyLimiter(true, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = settings.ConcurrentIngests,
                    QueueLimit = settings.ConcurrentIngests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(false));

    private static async ValueTask RejectAsync(OnRejectedContext context, ApiSettings settings, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : (TimeSpan?)null;
        if (retry is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var detail = retry is null && IsIngest(http.Request)
            ? $"{settings.ConcurrentIngests} event posts are being processed and as many are waiting; retry when one has finished."
            : IsWrite(http.Request)
                ? $"More than {settings.WritesPerMinute} writes a minute from this address; retry later."
                : $"More than {settings.ReadsPerMinute} reads a minute from this address; retry later.";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }

    private static bool IsWrite(HttpRequest request) => !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    private static bool IsIngest(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path.Equals(ApiRoutes.Events, StringComparison.OrdinalIgnoreCase);
}
