using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ltv.Host.Api;

namespace Ltv.Host.Tests.Api;

/// <summary>
/// A chunked NDJSON body that sends its first lines, then waits for <see cref="Release"/> before sending the rest: a
/// request still arriving, to see what the server does meanwhile.
/// </summary>
public sealed class GatedContent : HttpContent
{
    private readonly IReadOnlyList<string> _head;
    private readonly IReadOnlyList<string> _tail;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedContent(IReadOnlyList<string> head, IReadOnlyList<string> tail)
    {
        _head = head;
        _tail = tail;
        Headers.ContentType = new MediaTypeHeaderValue(EventsBody.NdJson);
    }

    public void Release() => _gate.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Join('\n', _head) + "\n"));
        await stream.FlushAsync();
        await _gate.Task;
        await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Join('\n', _tail) + "\n"));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
