namespace SupportBot.Flows.Model;

/// <summary>Kinds of typed answers.</summary>
public enum InputKind
{
    /// <summary>Free text (e.g. the exact error message).</summary>
    Text,

    /// <summary>An integer, e.g. 「12日」 or 「１２」.</summary>
    Number,

    /// <summary>A product version, e.g. <c>2.5.0</c>, <c>v2.6</c>.</summary>
    Version,

    /// <summary>A company code: letters and digits.</summary>
    CompanyCode,

    /// <summary>A license key: normalised, look-alikes flagged, stored masked.</summary>
    LicenseKey,
}

/// <summary>A typed answer to an ask state.</summary>
public sealed record FlowInput
{
    /// <summary>What is expected.</summary>
    public required InputKind Kind { get; init; }

    /// <summary>Slot the (normalised, masked when sensitive) value goes to.</summary>
    public required string Slot { get; init; }

    /// <summary>Smallest accepted number (number inputs).</summary>
    public int? Min { get; init; }

    /// <summary>Largest accepted number (number inputs).</summary>
    public int? Max { get; init; }

    /// <summary>Said when the answer is not valid.</summary>
    public required LocalizedText Retry { get; init; }

    /// <summary>Invalid answers allowed before giving up.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Where to go with a valid answer.</summary>
    public required IReadOnlyList<FlowBranch> Next { get; init; }

    /// <summary>Where to go after <see cref="MaxAttempts"/> invalid answers.</summary>
    public required string GaveUp { get; init; }
}

/// <summary>Wire names of input kinds.</summary>
public static class InputKindNames
{
    /// <summary>Parses <c>text | number | version | company-code | license-key</c>.</summary>
    public static InputKind? Parse(string? text) => text switch
    {
        "text" => InputKind.Text,
        "number" => InputKind.Number,
        "version" => InputKind.Version,
        "company-code" => InputKind.CompanyCode,
        "license-key" => InputKind.LicenseKey,
        _ => null,
    };

    /// <summary>The slot type an input kind produces.</summary>
    public static SlotType SlotType(this InputKind kind) => kind switch
    {
        InputKind.Number => Model.SlotType.Number,
        InputKind.Version => Model.SlotType.Version,
        _ => Model.SlotType.Text,
    };
}
