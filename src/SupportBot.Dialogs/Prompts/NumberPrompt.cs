using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SupportBot.Builder;
using SupportBot.Dialogs.Choices;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Asks for a number (<c>int</c>, <c>long</c>, <c>double</c>, <c>decimal</c>...). Finds the first number in the text after
/// width normalisation, so "１２", "12日", "12 days" and "1,200円" are recognised. Integral types reject fractions.
/// </summary>
public partial class NumberPrompt<T> : Prompt<T>
    where T : struct, INumber<T>
{
    /// <summary>Creates the prompt.</summary>
    public NumberPrompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>Recognises the first number in <paramref name="text"/>.</summary>
    public static bool TryRecognize(string? text, out T value)
    {
        value = default;
        var match = NumberPattern().Match(TextNormalizer.Normalize(text));
        if (!match.Success)
        {
            return false;
        }

        var digits = match.Value.Replace(",", string.Empty, StringComparison.Ordinal);
        return T.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
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
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
        => Task.FromResult(TryRecognize(turnContext.Activity.Text, out var value)
            ? PromptRecognizerResult<T>.Success(value)
            : PromptRecognizerResult<T>.Failure());

    // Thousands separators only in groups of three, so "1,2" is not read as 12.
    [GeneratedRegex(@"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
