using SupportBot.Builder;
using SupportBot.Dialogs.Choices;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>; returns a <see cref="FoundChoice"/>.
/// Recognises exact values/synonyms, ordinals and contained values (see <see cref="ChoiceRecognizer"/>).
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    /// <summary>Creates the prompt.</summary>
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>The style used when the options don't set one (default <see cref="ListStyle.Auto"/>).</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Locale used when the activity has none (default Japanese).</summary>
    public string DefaultLocale { get; set; } = "ja-JP";

    /// <inheritdoc />
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var culture = PromptCulture.For(turnContext.Activity.Locale ?? DefaultLocale);
        var prompt = ChoiceFactory.AppendChoices(SelectPrompt(options, isRetry), options.Choices ?? [], options.Style ?? Style, culture);
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? []);
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failure() : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}
