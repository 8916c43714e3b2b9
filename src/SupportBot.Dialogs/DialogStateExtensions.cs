using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Dialogs;

/// <summary>Typed access to dialog state dictionaries whose values may be live objects or <c>JsonElement</c>s.</summary>
public static class DialogStateExtensions
{
    /// <summary>
    /// The value under <paramref name="key"/> as <typeparamref name="T"/>, or default when absent. A converted value is
    /// written back, so later in-place changes to it are saved.
    /// </summary>
    public static T? GetValue<T>(this IDictionary<string, object?> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(key, out var raw) || raw is null)
        {
            return default;
        }

        if (raw is T typed)
        {
            return typed;
        }

        var element = raw as JsonElement? ?? JsonSerializer.SerializeToElement(raw, raw.GetType(), BotJson.Options);
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return default;
        }

        var converted = element.Deserialize<T>(BotJson.Options);
        state[key] = converted;
        return converted;
    }

    /// <summary>The value under <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public static T GetValue<T>(this IDictionary<string, object?> state, string key, T defaultValue)
        => state.ContainsKey(key) && state.GetValue<T>(key) is { } value ? value : defaultValue;
}
