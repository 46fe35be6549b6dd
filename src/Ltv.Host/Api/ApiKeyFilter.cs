using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ltv.Host.Api;

/// <summary>
/// Lets a request through when no API key is configured, when it is a read and reads are open, or when its
/// X-Api-Key header holds the key. Both sides are hashed first, so the comparison takes the same time
/// whatever the header holds, its length included.
/// </summary>
public sealed class ApiKeyFilter(ApiSettings settings) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? _expected = settings.ApiKey is { } key ? Hash(key) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (_expected is null || (isRead && !settings.ProtectReads) || Matches(request.Headers[Header].ToString()))
        {
            return await next(context);
        }

        var detail = request.Headers.ContainsKey(Header)
            ? $"The {Header} header does not hold this server's API key."
            : $"This server requires an API key for {(isRead ? "every request" : "writes")}: send it in the {Header} header.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "API key required");
    }

    private bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Hash(presented), _expected);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
