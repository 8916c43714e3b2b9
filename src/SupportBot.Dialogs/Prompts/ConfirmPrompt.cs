using SupportBot.Builder;
using SupportBot.Dialogs.Choices;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question; returns a bool. Words come from <see cref="PromptCulture"/> (はい/いいえ by default,
/// Yes/No when the locale starts with <c>en</c>); "1"/"2" pick yes/no as in the rendered list.
/// </summary>
public class ConfirmPrompt : Prompt<bool>
{
    /// <summary>Creates the prompt.</summary>
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>The style used when the options don't set one (default <see cref="ListStyle.Auto"/>).</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Locale used when the activity has none (default Japanese).</summary>
    public string DefaultLocale { get; set; } = "ja-JP";

    /// <summary>Overrides the yes/no choices for every locale (null = by locale).</summary>
    public (Choice Yes, Choice No)? ConfirmChoices { get; set; }

    /// <inheritdoc />
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var culture = PromptCulture.For(turnContext.Activity.Locale ?? DefaultLocale);
        var (yes, no) = ChoicesFor(culture);
        var shown = new[] { new Choice(yes.Value), new Choice(no.Value) };
        var prompt = ChoiceFactory.AppendChoices(SelectPrompt(options, isRetry), shown, options.Style ?? Style, culture);
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var (yes, no) = ChoicesFor(PromptCulture.For(turnContext.Activity.Locale ?? DefaultLocale));
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, [yes, no]);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<bool>.Failure()
            : PromptRecognizerResult<bool>.Success(found.Index == 0));
    }

    private (Choice Yes, Choice No) ChoicesFor(PromptCulture culture) => ConfirmChoices ?? (culture.Yes, culture.No);
}
