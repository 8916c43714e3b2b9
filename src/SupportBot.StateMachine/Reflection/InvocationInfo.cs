namespace SupportBot.StateMachine.Reflection;

/// <summary>Describes a configured delegate (guard, action, selector) for introspection and graphs.</summary>
public sealed class InvocationInfo
{
    private readonly Delegate? _method;
    private readonly string? _description;

    internal InvocationInfo(Delegate? method, string? description, bool isAsync)
    {
        _method = method;
        _description = description;
        IsAsync = isAsync;
    }

    /// <summary>Name of the method behind the delegate (compiler-generated for lambdas).</summary>
    // Read lazily: reflection is only paid for by GetInfo() and error messages, never by Build() or Fire().
    public string? MethodName => _method?.Method.Name;

    /// <summary>The description given at configuration, else the method name, else "Function" for lambdas.</summary>
    public string Description
    {
        get
        {
            if (_description is not null)
            {
                return _description;
            }

            var name = MethodName;
            return name is null || name.Contains('<', StringComparison.Ordinal) ? "Function" : name;
        }
    }

    /// <summary>True when the delegate returns a task and needs the async firing path.</summary>
    public bool IsAsync { get; }

    /// <summary>True when a description was given explicitly at configuration.</summary>
    public bool HasDescription => _description is not null;

    /// <inheritdoc />
    public override string ToString() => Description;
}
