namespace SupportBot.Schema;

/// <summary>
/// A typed view of a <c>mention</c> entity: <c>{"type":"mention","mentioned":{...},"text":"&lt;at&gt;Name&lt;/at&gt;"}</c>.
/// Not an <see cref="Entity"/> subclass on purpose: an <c>IList&lt;Entity&gt;</c> serialises by declared type and would
/// drop the subclass fields. Convert with <see cref="Entity.GetAs{T}"/> and <see cref="Entity.FromObject{T}"/>.
/// </summary>
public class Mention
{
    /// <summary>Always <see cref="EntityTypes.Mention"/>.</summary>
    public string Type { get; set; } = EntityTypes.Mention;

    /// <summary>Who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>The markup in the activity text, e.g. <c>&lt;at&gt;Tess&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }
}
