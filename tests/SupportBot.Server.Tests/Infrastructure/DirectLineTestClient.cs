using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Server.Tests.Infrastructure;

/// <summary>A thin Direct Line 3.0 client over the test server, speaking raw JSON as Web Chat does.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<(string Token, string ConversationId)> GetWidgetTokenAsync(string? body = null)
    {
        using var response = await Http.PostAsync("/api/directline/token", body is null ? null : Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (json!["token"]!.GetValue<string>(), json["conversationId"]!.GetValue<string>());
    }

    /// <summary>Widget token + start: what Web Chat does on first open.</summary>
    public async Task<(string Token, string ConversationId, JsonObject Started)> StartAsync(string locale = "ja-JP")
    {
        var (token, conversationId) = await GetWidgetTokenAsync();
        using var response = await Send(HttpMethod.Post, "/v3/directline/conversations", token, $$"""{"user":{},"locale":"{{locale}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (token, conversationId, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? bearer, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }
        return await Http.SendAsync(request);
    }

    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        var payload = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "web-user", ["name"] = "お客さま" },
            ["locale"] = "ja-JP",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        using var response = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, payload.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var url = $"/v3/directline/conversations/{conversationId}/activities" + (watermark is null ? string.Empty : $"?watermark={Uri.EscapeDataString(watermark)}");
        using var response = await Send(HttpMethod.Get, url, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Asserts a problem+json answer with the given status and Direct Line code.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        if (code is not null)
        {
            Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        }
    }
}
