using SupportBot.Builder;

namespace SupportBot.Dialogs.Tests;

/// <summary>Helpers to run a dialog as the bot of a test.</summary>
internal static class Bots
{
    /// <summary>A callback that runs <paramref name="root"/> through a <see cref="DialogManager"/>, recording each turn's result.</summary>
    public static BotCallbackHandler Run(Dialog root, List<DialogTurnResult>? results = null)
    {
        var manager = new DialogManager(root);
        return async (ctx, ct) =>
        {
            var result = await manager.OnTurnAsync(ctx, ct);
            results?.Add(result.TurnResult);
        };
    }
}
