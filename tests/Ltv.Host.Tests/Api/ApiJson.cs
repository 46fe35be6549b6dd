using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ltv.Host.Tests.Api;

/// <summary>Reading API answers in tests.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var json = await response.ReadAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var json = await response.ReadAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Same JSON values, whatever the layout (the CLI indents, the API does not).</summary>
    public static void ShouldBeSameJson(this JsonElement actual, string expected) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual.GetRawText()), JsonNode.Parse(expected))
            .ShouldBeTrue($"API:\n{actual.GetRawText()}\nexpected:\n{expected}");

    /// <summary>
    /// The JSON read as <typeparamref name="T"/>, refusing any field the record does not have and any it lacks, and
    /// written back unchanged: the JSON is that record, nothing more or less.
    /// </summary>
    public static T ShouldBeRecord<T>(string json)
        where T : class => (T)ShouldBeRecord(json, typeof(T));

    /// <summary>
    /// The HTTP answer and the CLI's JSON are both exactly <paramref name="record"/>, with the same values (compared as
    /// JSON: records that hold lists compare those by reference).
    /// </summary>
    public static void ShouldBeTheSameRecordAs(this JsonElement http, string cliJson, Type record)
    {
        ShouldBeRecord(cliJson, record);
        ShouldBeRecord(http.GetRawText(), record);
        http.ShouldBeSameJson(cliJson);
    }

    /// <summary>As <see cref="ShouldBeRecord{T}"/>, for a record type a theory names.</summary>
    public static object ShouldBeRecord(string json, Type type)
    {
        var strict = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
        };
        var record = JsonSerializer.Deserialize(json, type, strict).ShouldNotBeNull();
        JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(record, type, strict)), JsonNode.Parse(json))
            .ShouldBeTrue($"{type.Name} written back differs from\n{json}");
        return record;
    }

    public static long Long(this JsonElement json, string property) => json.GetProperty(property).GetInt64();

    public static JsonContent AsJson<T>(T value) => JsonContent.Create(value);
}
