using SupportBot.Agent.Cli;

// supportbot-agent: see README.md. Outbound connections only; every check is read-only and allow-listed.
AgentProgram.PrepareConsole();
using var cts = new CancellationTokenSource();
var registrations = AgentProgram.CancelOnSignals(cts);
try
{
    return await AgentProgram.RunAsync(args, Console.Out, Console.Error, cts.Token);
}
finally
{
    foreach (var registration in registrations) registration.Dispose();
}
