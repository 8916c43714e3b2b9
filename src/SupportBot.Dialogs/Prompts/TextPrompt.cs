using SupportBot.Builder;

namespace SupportBot.Dialogs.Prompts;

/// <summary>Asks for free text; any non-blank message is recognised.</summary>
public class TextPrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <inheritdoc />
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (SelectPrompt(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? PromptRecognizerResult<string>.Failure()
            : PromptRecognizerResult<string>.Success(text.Trim()));
    }
}
