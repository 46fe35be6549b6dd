using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Ltv.Host.Api;

/// <summary>
/// The dashboard at <c>/</c>: the static page in Dashboard/, embedded in the executable so that `ltv serve` finds it
/// wherever it was built or published to. The page reads the public API only, like any other client.
/// </summary>
public static class DashboardFiles
{
    // Only this origin's scripts and styles, no inline code: customer data reaches the page as text only.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "Ltv.Host.Dashboard");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache"; // revalidate (ETag): a rebuilt server never serves a stale page
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            },
        });
        return app;
    }
}
