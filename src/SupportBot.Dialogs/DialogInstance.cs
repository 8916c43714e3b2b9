namespace SupportBot.Dialogs;

/// <summary>
/// One entry of the dialog stack: which dialog, and all its per-conversation state. Dialog objects keep
/// nothing per conversation, so this is everything needed to continue after a restart.
/// Values in <see cref="State"/> become <c>JsonElement</c> after a save/load; read them with
/// <see cref="DialogStateExtensions.GetValue{T}(IDictionary{string, object}, string)"/>.
/// </summary>
public class DialogInstance
{
    /// <summary>Creates an empty instance (for deserialization).</summary>
    public DialogInstance()
    {
    }

    /// <summary>Creates the instance of dialog <paramref name="id"/>.</summary>
    public DialogInstance(string id, string? version = null)
    {
        Id = id;
        Version = version;
    }

    /// <summary>The dialog id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's per-conversation state (JSON-serialisable values).</summary>
    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The dialog version when the instance began (see <see cref="Dialog.GetVersion"/>).</summary>
    public string? Version { get; set; }
}
