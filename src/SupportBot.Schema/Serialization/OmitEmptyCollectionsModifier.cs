using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace SupportBot.Schema.Serialization;

/// <summary>
/// Type-info modifier: schema properties holding an empty collection are not written (spec A2004:
/// senders should omit empty <c>entities</c>, <c>attachments</c>, <c>actions</c>...). Only schema types are touched,
/// so application state types keep their normal behaviour.
/// </summary>
internal static class OmitEmptyCollectionsModifier
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Assembly != typeof(Activity).Assembly)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType) || property.PropertyType == typeof(string))
            {
                continue;
            }

            // Replaces the WhenWritingNull rule for this property, so null is handled here too.
            property.ShouldSerialize = static (_, value) => value is not null && value is not ICollection { Count: 0 };
        }
    }
}
