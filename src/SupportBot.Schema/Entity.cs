using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>
/// Metadata attached to an activity (mention, ClientCapabilities, clientInfo, ...). Only <see cref="Type"/>
/// is modelled; every other field stays raw JSON in <see cref="Properties"/>. Receivers ignore unknown types.
/// </summary>
public class Entity
{
    /// <summary>Creates an empty entity.</summary>
    public Entity()
    {
    }

    /// <summary>Creates an entity of the given type.</summary>
    public Entity(string? type) => Type = type;

    /// <summary>Entity type, e.g. <see cref="EntityTypes.Mention"/>.</summary>
    public string? Type { get; set; }

    /// <summary>All other fields of the entity.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>True when <see cref="Type"/> equals <paramref name="type"/> (ordinal, ignoring case).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the entity as a typed view (e.g. <see cref="Mention"/>).</summary>
    public T GetAs<T>() where T : new()
        => BotJson.FromElement<T>(BotJson.ToElement(this)) ?? new T();

    /// <summary>Creates an entity from a typed view (e.g. a <see cref="Mention"/>); its fields become <see cref="Properties"/>.</summary>
    public static Entity FromObject<T>(T value)
        => BotJson.FromElement<Entity>(BotJson.ToElement(value)) ?? new Entity();

    /// <summary>Reads one extra field, or null when absent.</summary>
    public JsonElement? GetProperty(string name)
        => Properties is not null && Properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets one extra field from a value serialised with <see cref="BotJson.Options"/>.</summary>
    public void SetProperty<T>(string name, T value)
        => (Properties ??= new Dictionary<string, JsonElement>())[name] = BotJson.ToElement(value);
}
