using Ltv.Domain.Lifetime;
using Ltv.Projections;
using Microsoft.Extensions.Hosting;

namespace Ltv.Host.Composition;

/// <summary>
/// The product as code generation sees it: put together by <see cref="LtvStartup"/>, never started, connected to
/// nothing. Wolverine writes its handler code under <c>{projectFolder}/Internal/Generated</c>.
/// </summary>
public static class GeneratedCodeHost
{
    public static IHost Build(string projectFolder)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = projectFolder });
        builder.AddLtv("Host=localhost", new LtvOptions(SchemaName.Default, LtvSettings.Default));
        return builder.Build();
    }
}
