using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Masking;

/// <summary>Applies <see cref="Masking"/> to every free-text part of a draft before it is stored.</summary>
public static class TicketMasker
{
    /// <summary>A copy of <paramref name="draft"/> with answers, slots, checks, texts and transcript masked.</summary>
    public static TicketDraft Mask(TicketDraft draft) => draft with
    {
        Answers = MaskValues(draft.Answers),
        Slots = MaskSlots(draft.Slots),
        Checks = [.. draft.Checks.Select(JsonMasking.Mask)],
        ErrorText = Masking.Mask(draft.ErrorText),
        Tried = [.. draft.Tried.Select(t => Masking.Mask(t) ?? "")],
        Summary = Masking.Mask(draft.Summary),
        Transcript = [.. draft.Transcript.Select(JsonMasking.Mask)],
    };

    private static Dictionary<string, string> MaskValues(IReadOnlyDictionary<string, string> values)
        => values.ToDictionary(p => p.Key, p => Masking.Mask(p.Value) ?? "");

    // A slot named like a key is masked whole, whatever its shape (a short or odd key is still a key).
    private static Dictionary<string, string> MaskSlots(IReadOnlyDictionary<string, string> slots)
        => slots.ToDictionary(p => p.Key, p => IsKeySlot(p.Key) && !p.Value.Contains('*', StringComparison.Ordinal)
            ? Masking.MaskKeyValue(p.Value)
            : Masking.Mask(p.Value) ?? "");

    private static bool IsKeySlot(string name) => name.Contains("licenseKey", StringComparison.OrdinalIgnoreCase)
        || name.Contains("license_key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("key", StringComparison.OrdinalIgnoreCase);
}
