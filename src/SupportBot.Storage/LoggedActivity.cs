namespace SupportBot.Storage;

/// <summary>An activity as kept in a conversation's Direct Line log.</summary>
/// <param name="Position">1-based, gap-free position in the conversation; the Direct Line watermark.</param>
/// <param name="Json">The serialised activity exactly as clients receive it.</param>
public sealed record LoggedActivity(long Position, string Json);
