using System.Net.Http.Headers;
using System.Text;
using Ltv.Domain.Lifetime;
using Ltv.Host.Api;
using Ltv.Host.Composition;
using Ltv.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ltv.Host.Tests.Api;

/// <summary>
/// The HTTP API exactly as `ltv serve` runs it (daemon included), on real Kestrel at 127.0.0.1 with a free port,
/// over a fresh test database; <see cref="Store"/> is the product's services on the same database and schema.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string Key = "test-key-0123456789";
    public const int BatchSize = 50;

    private ApiServer(LtvTestApp store, WebApplication app, Uri address, ApiSettings settings)
    {
        Store = store;
        App = app;
        Address = address;
        Settings = settings;
        Client = NewClient(settings.ApiKey);
    }

    public LtvTestApp Store { get; }

    public WebApplication App { get; }

    public Uri Address { get; }

    public ApiSettings Settings { get; }

    /// <summary>Sends the API key when the server has one.</summary>
    public HttpClient Client { get; }

    public static async Task<ApiServer> StartAsync(ApiSettings? settings = null)
    {
        settings ??= new ApiSettings(ApiKey: Key);
        var store = await LtvTestApp.StartAsync();
        try
        {
            var options = new ApiHostOptions(
                store.Database.ConnectionString,
                new LtvOptions(store.Schema, LtvSettings.Default, BatchSize),
                settings,
                ["http://127.0.0.1:0"],
                Configure: builder => builder.Logging.ClearProviders());
            var app = await ApiHost.CreateAsync(options, default);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new ApiServer(store, app, new Uri(address), settings);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public HttpClient NewClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyFilter.Header, apiKey);
        }

        return client;
    }

    public static HttpContent NdJson(IEnumerable<string> lines) =>
        Body(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), EventsBody.NdJson);

    public static HttpContent Body(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }
}
