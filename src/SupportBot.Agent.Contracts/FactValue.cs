using System.Globalization;
using System.Text.Json.Serialization;

namespace SupportBot.Agent.Contracts;

/// <summary>Which kind of value a <see cref="FactValue"/> holds.</summary>
public enum FactKind
{
    /// <summary>Text.</summary>
    String,
    /// <summary>true/false.</summary>
    Bool,
    /// <summary>A number (JSON number).</summary>
    Number,
    /// <summary>A point in time (JSON string, ISO 8601 round-trip format).</summary>
    Date,
}

/// <summary>
/// One typed fact value. On the wire it is a plain JSON value: string, boolean, number, or a date as an
/// ISO 8601 round-trip string ("O" format) — so a reader sees <c>"httpStatus": 200</c>, not a wrapper.
/// </summary>
[JsonConverter(typeof(FactValueJsonConverter))]
public sealed record FactValue
{
    private FactValue(FactKind kind, string? text, bool flag, double number, DateTimeOffset date)
    {
        Kind = kind;
        Text = text;
        Flag = flag;
        Number = number;
        Date = date;
    }

    /// <summary>Which of the value properties is meaningful.</summary>
    public FactKind Kind { get; }

    /// <summary>The text when <see cref="Kind"/> is <see cref="FactKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>The flag when <see cref="Kind"/> is <see cref="FactKind.Bool"/>.</summary>
    public bool Flag { get; }

    /// <summary>The number when <see cref="Kind"/> is <see cref="FactKind.Number"/>.</summary>
    public double Number { get; }

    /// <summary>The date when <see cref="Kind"/> is <see cref="FactKind.Date"/>.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>A text fact.</summary>
    public static FactValue Of(string text) => new(FactKind.String, text, false, 0, default);

    /// <summary>A boolean fact.</summary>
    public static FactValue Of(bool flag) => new(FactKind.Bool, null, flag, 0, default);

    /// <summary>A numeric fact.</summary>
    public static FactValue Of(double number) => new(FactKind.Number, null, false, number, default);

    /// <summary>A date fact.</summary>
    public static FactValue Of(DateTimeOffset date) => new(FactKind.Date, null, false, 0, date);

    /// <summary>Text fact.</summary>
    public static implicit operator FactValue(string text) => Of(text);

    /// <summary>Boolean fact.</summary>
    public static implicit operator FactValue(bool flag) => Of(flag);

    /// <summary>Numeric fact.</summary>
    public static implicit operator FactValue(double number) => Of(number);

    /// <summary>Numeric fact.</summary>
    public static implicit operator FactValue(int number) => Of(number);

    /// <summary>Date fact.</summary>
    public static implicit operator FactValue(DateTimeOffset date) => Of(date);

    /// <summary>The value as invariant text (dates in round-trip format).</summary>
    public override string ToString() => Kind switch
    {
        FactKind.String => Text ?? "",
        FactKind.Bool => Flag ? "true" : "false",
        FactKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        _ => Date.ToString("O", CultureInfo.InvariantCulture),
    };
}
