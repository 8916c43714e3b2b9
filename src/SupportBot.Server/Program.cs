using SupportBot.Server.Agent;
using SupportBot.Server.Bot;
using SupportBot.Server.BotFramework;
using SupportBot.Server.ChatPage;
using SupportBot.Server.DirectLine;
using SupportBot.Server.Flows;
using SupportBot.Server.Health;
using SupportBot.Server.Helpdesk;
using SupportBot.Server.Hosting;
using SupportBot.Server.Storage;

// `-- flows validate|graph …` and `-- helpdesk hash-password` run instead of the web host.
if (ServerCommandLine.Run(args, Console.In, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServerDefaults();
builder.AddSupportBotStorage();
builder.AddFlows();
builder.AddSupportBot();
builder.AddSupportBotHelpdesk();
builder.AddSupportBotAgentLink();
builder.AddDirectLine();
builder.AddBotFrameworkChannel();

var app = builder.Build();

app.UseServerDefaults();
app.MapHealth();
app.MapDirectLine();
app.MapBotFrameworkChannel();
app.MapChatPage();
app.MapSupportBotHelpdesk();
app.MapSupportBotAgentLink();

app.Run();
return 0;

/// <summary>The host's entry point (public and partial so WebApplicationFactory can start it in tests).</summary>
public partial class Program;
