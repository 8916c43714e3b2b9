using SupportBot.Agent.Contracts;
using SupportBot.Agent.Registry;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>
/// <c>registry-value</c>: one allow-listed value. Parameters: <c>key</c>, <c>name</c>, optional <c>compareKey</c>
/// (same value name under a second allow-listed key, e.g. Passage\Setup vs Passage\var) and optional <c>expected</c>.
/// Sensitive values (CorpId) are never returned: only presence, equality and a masked form.
/// Pass = present, and equal to compareKey's value and to expected when those are given.
/// </summary>
public sealed class RegistryValueCheck(IRegistryReader registry) : ICheck
{
    /// <inheritdoc />
    public string Kind => CheckKinds.RegistryValue;

    /// <inheritdoc />
    public Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var key = context.Require("key");
        var name = context.Require("name");
        var compareKey = context.Optional("compareKey");
        var expected = context.Optional("expected");
        var rule = Allowed(context, key, name);
        var compareRule = compareKey is null ? null : Allowed(context, compareKey, name); // both keys checked before any read
        var sensitive = rule.Sensitive || compareRule?.Sensitive == true;

        var value = Read(key, name);
        context.Fact("present", value is not null);
        context.Evidence($"{key}\\{name}: {(value is null ? "missing" : "present")}");
        if (value is not null)
        {
            if (sensitive) context.Fact("maskedValue", SecretMask.Mask(value));
            else context.Fact("value", value);
        }
        var ok = value is not null;

        if (compareKey is not null)
        {
            var other = Read(compareKey, name);
            var equal = value is not null && other is not null && string.Equals(value, other, StringComparison.Ordinal);
            context.Fact("comparePresent", other is not null);
            context.Fact("equalToCompareKey", equal);
            if (other is not null && sensitive) context.Fact("compareMaskedValue", SecretMask.Mask(other));
            context.Evidence($"{compareKey}\\{name}: {(other is null ? "missing" : "present")}; values {(equal ? "equal" : "differ")}");
            ok &= equal;
        }
        if (expected is not null)
        {
            var matches = value is not null && string.Equals(value, expected, StringComparison.Ordinal);
            context.Fact("matchesExpected", matches);
            context.Evidence($"Compared with the expected value {SecretMask.Mask(expected)}: {(matches ? "same" : "different")}");
            ok &= matches;
        }
        context.Status = ok ? CheckStatus.Pass : CheckStatus.Fail;
        return Task.CompletedTask;
    }

    private static Configuration.AllowedRegistryValues Allowed(CheckContext context, string key, string name) =>
        context.AllowList.FindRegistryValue(key, name)
        ?? throw new CheckRefusedException($"Registry value not on this agent's allow-list: {key}\\{name}");

    // Compared trimmed, so stray whitespace alone does not count as a different company code.
    private string? Read(string key, string name) => registry.ReadValue(key, name == "@" ? "" : name)?.Text.Trim();
}
