using SupportBot.Server.Bot;
using SupportBot.Server.ChatPage;
using SupportBot.Server.DirectLine;
using SupportBot.Server.Health;
using SupportBot.Server.Hosting;
using SupportBot.Server.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddServerDefaults();
builder.AddSupportBotStorage();
builder.AddSupportBot();
builder.AddDirectLine();

var app = builder.Build();

app.UseServerDefaults();
app.MapHealth();
app.MapDirectLine();
app.MapChatPage();

app.Run();

/// <summary>The host's entry point (public and partial so WebApplicationFactory can start it in tests).</summary>
public partial class Program;
