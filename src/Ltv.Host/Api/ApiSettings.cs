using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ltv.Host.Api;

/// <summary>How the HTTP API protects itself: the API key, body size and request rate limits.</summary>
/// <param name="ApiKey">When set, writes (and reads, with <paramref name="ProtectReads"/>) need it in the X-Api-Key header.</param>
/// <param name="ProtectReads">Reads need the key too (when one is set).</param>
/// <param name="MaxEventsBodyBytes">The largest body POST /api/events accepts; null for no limit.</param>
/// <param name="MaxBodyBytes">The largest body any other endpoint accepts (none of them needs one).</param>
/// <param name="WritesPerMinute">POST requests per client address per minute; 0 for no limit.</param>
/// <param name="ReadsPerMinute">GET requests per client address per minute; 0 for no limit (/health is never limited).</param>
/// <param name="ConcurrentIngests">Event posts processed at once; more wait in a queue of the same size, then get 429.</param>
public sealed record ApiSettings(
    string? ApiKey = null,
    bool ProtectReads = false,
    long? MaxEventsBodyBytes = 4L * 1024 * 1024 * 1024,
    long MaxBodyBytes = 64 * 1024,
    int WritesPerMinute = 600,
    int ReadsPerMinute = 6000,
    int ConcurrentIngests = 4)
{
    public const string ApiKeyEnvironmentVariable = "LTV_API_KEY";
    public const string ApiKeySetting = "Ltv:ApiKey";
    public const string Section = "Ltv:Api";

    /// <summary>Rejections listed in full in an ingest response; the rest are counted, and listed by GET /api/rejected.</summary>
    public const int RejectionsInResponse = 100;

    /// <summary>
    /// LTV_API_KEY beats the Ltv:ApiKey setting; the limits come from the Ltv:Api section (appsettings.json, or
    /// environment variables such as Ltv__Api__WritesPerMinute). A value that cannot be read is a user error.
    /// </summary>
    public static ApiSettings From(IConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(Section);
        var defaults = new ApiSettings();
        var key = environment(ApiKeyEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : configuration[ApiKeySetting];
        var maxEventsMegabytes = Number(section, "MaxEventsBodyMegabytes", defaults.MaxEventsBodyBytes!.Value / (1024 * 1024));
        return new ApiSettings(
            string.IsNullOrEmpty(key) ? null : key,
            Flag(section, "ProtectReads"),
            maxEventsMegabytes == 0 ? null : maxEventsMegabytes * 1024 * 1024,
            defaults.MaxBodyBytes,
            (int)Number(section, "WritesPerMinute", defaults.WritesPerMinute),
            (int)Number(section, "ReadsPerMinute", defaults.ReadsPerMinute),
            Math.Max(1, (int)Number(section, "ConcurrentIngests", defaults.ConcurrentIngests)));
    }

    private static long Number(IConfigurationSection section, string name, long fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue
            ? value
            : throw new UserError($"Invalid setting {section.Path}:{name} '{text}': use a whole number of 0 or more.");
    }

    private static bool Flag(IConfigurationSection section, string name)
    {
        var text = section[name];
        return string.IsNullOrWhiteSpace(text) ? false
            : bool.TryParse(text, out var value) ? value
            : throw new UserError($"Invalid setting {section.Path}:{name} '{text}': use true or false.");
    }
}
