namespace SupportBot.StateMachine.Internal;

/// <summary>The error raised when the synchronous API meets an async delegate.</summary>
internal static class SyncOverAsync
{
    internal static InvalidOperationException Error(string what) => new(
        $"The synchronous API reached the async {what}. Use FireAsync/StartAsync/ActivateAsync/GetPermittedTriggersAsync " +
        "when async guards or actions are configured, or configure a synchronous delegate instead.");
}
