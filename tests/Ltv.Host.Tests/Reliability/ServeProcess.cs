using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Ltv.Host.Api;
using Ltv.Host.Ingestion;
using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Reliability;

/// <summary>`ltv serve` as a real process on a free local port, against the schema of its <see cref="LtvProcess"/>.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Task _draining;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        _draining = Task.WhenAll(Drain(process.StandardOutput), Drain(process.StandardError));
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>What the server wrote to standard output and error so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(LtvProcess ltv)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var server = new ServeProcess(ltv.Start("serve", "--urls", address.GetLeftPart(UriPartial.Authority)), address);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var health = await server.Client.GetAsync(new Uri("/health", UriKind.Relative));
                return server;
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Posts a file to POST /api/events as it is (the reader tells formats apart by content) and returns the ingest summary.</summary>
    public async Task<JsonNode> PostEventsAsync(string file)
    {
        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(EventsBody.Json);
        return await PostAsync(content, file);
    }

    /// <summary>Posts records to POST /api/events as an NDJSON body, one per line, and returns the ingest summary.</summary>
    public async Task<JsonNode> PostLinesAsync(IEnumerable<string> lines)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue(EventsBody.NdJson);
        return await PostAsync(content, "NDJSON lines");
    }

    private async Task<JsonNode> PostAsync(HttpContent content, string what)
    {
        using var response = await Client.PostAsync(new Uri(EventsEndpoint.Path, UriKind.Relative), content);

        var json = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {what}: {(int)response.StatusCode} {json}");
        return JsonNode.Parse(json)!;
    }

    /// <summary>kill -9: the process dies at once, its database sessions (and the locks they hold) end with it.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM, as a service manager stops it, then waits for the process to end (at most a minute).</summary>
    public async Task TerminateAsync()
    {
        kill(_process.Id, Sigterm).ShouldBe(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        await _draining;
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task Drain(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
