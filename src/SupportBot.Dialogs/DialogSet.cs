using SupportBot.Builder;
using SupportBot.Builder.State;

namespace SupportBot.Dialogs;

/// <summary>A set of dialogs addressable by id, optionally bound to the state property holding the stack.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Creates a set; pass the accessor when the set is the root of a bot (for <see cref="CreateContextAsync"/>).</summary>
    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null) => _dialogState = dialogState;

    /// <summary>Adds a dialog. Adding the same object twice is a no-op; a different dialog with a used id throws.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            return ReferenceEquals(existing, dialog)
                ? this
                : throw new ArgumentException($"A different dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        _dialogs.Add(dialog.Id, dialog);
        return this;
    }

    /// <summary>The dialog with <paramref name="dialogId"/>, or null.</summary>
    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>All dialogs of the set.</summary>
    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>Loads the stack from the state accessor and creates this turn's dialog context.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a DialogState accessor.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state!);
    }

    /// <summary>A version combining the versions of all member dialogs.</summary>
    public string GetVersion()
        => string.Join(";", _dialogs.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.GetVersion()));
}
