using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Builder.State;

/// <summary>
/// A conversation's state as loaded for one turn attempt: the stored document, its version (ETag) and the live
/// objects handed out by accessors (serialised back at save, so in-place changes are kept).
/// Lives in <see cref="ITurnContext.TurnState"/>; only the turn that loaded it touches it.
/// </summary>
public sealed class LoadedConversationState
{
    private readonly ConversationStateDocument _document;
    private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);

    private LoadedConversationState(ConversationStateDocument document, long version)
    {
        _document = document;
        Version = version;
    }

    /// <summary>The version this state was read at (0 = nothing stored yet).</summary>
    public long Version { get; }

    /// <summary>Parses a stored state (null = new conversation).</summary>
    public static LoadedConversationState Load(StoredState? stored)
    {
        if (stored is null || string.IsNullOrWhiteSpace(stored.Json))
        {
            return new LoadedConversationState(new ConversationStateDocument(), stored?.Version ?? 0);
        }

        var document = JsonSerializer.Deserialize<ConversationStateDocument>(stored.Json, BotJson.Options) ?? new ConversationStateDocument();
        return new LoadedConversationState(document, stored.Version);
    }

    /// <summary>True when the inbound activity id was already processed (a redelivery).</summary>
    public bool HasProcessed(string activityId) => _document.ProcessedActivityIds.Contains(activityId, StringComparer.Ordinal);

    /// <summary>Gets a property as <typeparamref name="T"/>; false when absent.</summary>
    public bool TryGet<T>(string name, out T? value)
    {
        if (_live.TryGetValue(name, out var live))
        {
            value = (T?)live.Value;
            return true;
        }

        if (_document.Properties.TryGetValue(name, out var raw))
        {
            value = raw.Deserialize<T>(BotJson.Options);
            _live[name] = (value, typeof(T));
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Sets a property.</summary>
    public void Set<T>(string name, T value) => _live[name] = (value, typeof(T));

    /// <summary>Removes a property.</summary>
    public void Delete(string name)
    {
        _live.Remove(name);
        _document.Properties.Remove(name);
    }

    /// <summary>Removes every property (processed ids are kept: they guard against redelivery).</summary>
    public void Clear()
    {
        _live.Clear();
        _document.Properties.Clear();
    }

    /// <summary>Serialises the state, recording <paramref name="processedActivityId"/> (keeping the last <paramref name="capacity"/>).</summary>
    public string ToJson(string? processedActivityId, int capacity)
    {
        foreach (var (name, (value, type)) in _live)
        {
            _document.Properties[name] = JsonSerializer.SerializeToElement(value, type, BotJson.Options);
        }

        if (processedActivityId is not null && !HasProcessed(processedActivityId))
        {
            var ids = _document.ProcessedActivityIds;
            ids.Add(processedActivityId);
            if (ids.Count > capacity)
            {
                ids.RemoveRange(0, ids.Count - capacity);
            }
        }

        _document.Schema = ConversationStateDocument.CurrentSchema;
        return JsonSerializer.Serialize(_document, BotJson.Options);
    }
}
