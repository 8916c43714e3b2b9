namespace SupportBot.Dialogs.Prompts;

/// <summary>What a prompt recognised in the user's answer.</summary>
public class PromptRecognizerResult<T>
{
    /// <summary>True when a value was recognised.</summary>
    public bool Succeeded { get; set; }

    /// <summary>The recognised value.</summary>
    public T? Value { get; set; }

    /// <summary>A successful result.</summary>
    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    /// <summary>A failed result.</summary>
    public static PromptRecognizerResult<T> Failure() => new();
}
