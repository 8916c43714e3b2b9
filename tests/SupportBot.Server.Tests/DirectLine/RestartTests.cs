using System.Net;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.DirectLine;

public sealed class RestartTests
{
    [Fact]
    public async Task NewHostOnSameDataDir_KeepsConversationsHistoryAndTokens()
    {
        var dataDir = SupportBotFactory.NewDataDir();
        try
        {
            string token, conversationId;
            using (var first = new SupportBotFactory(dataDir))
            {
                var client = first.DirectLine();
                (token, conversationId, _) = await client.StartAsync();
                await client.PostMessageAsync(conversationId, token, "こんにちは");
            }
            var secretBefore = await File.ReadAllTextAsync(Path.Combine(dataDir, "directline.secret"));

            using var second = new SupportBotFactory(dataDir);
            var again = second.DirectLine();
            var history = await again.GetActivitiesAsync(conversationId, token);
            Assert.Equal(3, history["activities"]!.AsArray().Count);
            Assert.Equal($"{conversationId}|0000004", await again.PostMessageAsync(conversationId, token, "続きです"));
            using var resume = await again.Send(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token);
            Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
            using var start = await again.Send(HttpMethod.Post, "/v3/directline/conversations", token, null);
            Assert.Equal(HttpStatusCode.OK, start.StatusCode); // already started: no second welcome
            Assert.Equal(secretBefore, await File.ReadAllTextAsync(Path.Combine(dataDir, "directline.secret")));
        }
        finally
        {
            SupportBotFactory.DeleteDataDir(dataDir);
        }
    }

    [Fact]
    public void GeneratedSecretFile_IsReadableByOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var factory = new SupportBotFactory();
        try
        {
            using var client = factory.CreateClient();
            var mode = File.GetUnixFileMode(Path.Combine(factory.DataDir, "directline.secret"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }
        finally
        {
            SupportBotFactory.DeleteDataDir(factory.DataDir);
        }
    }
}
