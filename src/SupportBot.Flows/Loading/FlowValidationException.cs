namespace SupportBot.Flows.Loading;

/// <summary>Thrown by <see cref="Runtime.FlowCatalog.EnsureValid"/> so a host refuses to start with broken flows.</summary>
public sealed class FlowValidationException : Exception
{
    /// <summary>Creates the exception listing every error.</summary>
    public FlowValidationException(IReadOnlyList<FlowError> errors)
        : base($"{errors.Count} flow error(s):\n" + string.Join("\n", errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, with file, line and state.</summary>
    public IReadOnlyList<FlowError> Errors { get; }
}
