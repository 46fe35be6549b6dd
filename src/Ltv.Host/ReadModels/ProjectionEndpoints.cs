using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ltv.Host.ReadModels;

/// <summary>GET /api/projections and POST /api/projections/{name}/rebuild: send <see cref="GetStoreStatus"/> and <see cref="RebuildProjection"/>, as `ltv status` and `ltv rebuild` do.</summary>
public static class ProjectionEndpoints
{
    public static RouteGroupBuilder MapProjectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projections").WithTags("Projections");
        group.MapGet("", GetStatusAsync)
            .WithName("ProjectionStatus")
            .WithSummary("Every projection's version, position, lag (events and seconds) and state; the oldest open transaction.");
        group.MapPost("/{name}/rebuild", RebuildAsync)
            .WithName("RebuildProjection")
            .WithSummary("Rebuild a read model from the whole log while the current copy keeps answering; answers when it has switched.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Ok<StoreStatusResponse>> GetStatusAsync(IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return TypedResults.Ok(StoreStatusResponse.From(await bus.InvokeAsync<StoreStatus>(new GetStoreStatus(), ct)));
    }

    public static async Task<Results<Ok<RebuildResponse>, ProblemHttpResult>> RebuildAsync(
        string name, IMessageBus bus, ReadModelCatalog catalog, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (!catalog.Names.Contains(name))
        {
            return TypedResults.Problem(
                RebuildProjection.Unknown(name, catalog.Names), statusCode: StatusCodes.Status404NotFound, title: "Projection not found");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        try
        {
            return TypedResults.Ok(RebuildResponse.From(await bus.InvokeAsync<RebuildResult>(new RebuildProjection(name), stop.Token)));
        }
        catch (Exception e) when (e is InvalidOperationException or JasperFx.Events.Daemon.ProjectionAlreadyRebuildingException)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Cannot rebuild");
        }
    }
}
