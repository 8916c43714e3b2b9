using SupportBot.Builder;

namespace SupportBot.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> sees.</summary>
public class PromptValidatorContext<T>
{
    /// <summary>Creates the context.</summary>
    public PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The recognition result.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's dialog state.</summary>
    public IDictionary<string, object?> State { get; }

    /// <summary>The prompt options.</summary>
    public PromptOptions Options { get; }

    /// <summary>How many answers were given so far, including this one (1 on the first answer).</summary>
    public int AttemptCount { get; }
}
