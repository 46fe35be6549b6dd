using JasperFx.Events.Daemon;
using Ltv.Host.Api.Contracts;
using Ltv.Host.ReadModels;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ltv.Host.Api;

/// <summary>Projection status (`ltv status`) and rebuilds (`ltv rebuild NAME`).</summary>
public static class ProjectionsApi
{
    public static RouteGroupBuilder MapProjectionsApi(this IEndpointRouteBuilder app)
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
        string name, ReadModelCatalog catalog, IHostApplicationLifetime lifetime, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (!catalog.Names.Contains(name))
        {
            return TypedResults.Problem(
                $"Unknown projection '{name}': use one of {string.Join(", ", catalog.Names)}.", statusCode: StatusCodes.Status404NotFound, title: "Projection not found");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        try
        {
            // The daemon this host runs (ltv serve): the rebuild works through it rather than beside it.
            var running = services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase();
            return TypedResults.Ok(RebuildResponse.From(await catalog.RebuildAsync(name, progress: null, stop.Token, running)));
        }
        catch (Exception e) when (e is InvalidOperationException or JasperFx.Events.Daemon.ProjectionAlreadyRebuildingException)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Cannot rebuild");
        }
    }
}
