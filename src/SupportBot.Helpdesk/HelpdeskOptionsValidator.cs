using Microsoft.Extensions.Options;
using SupportBot.Helpdesk.Auth;

namespace SupportBot.Helpdesk;

/// <summary>Checks <see cref="HelpdeskOptions"/> at start and reports every problem at once.</summary>
public sealed class HelpdeskOptionsValidator : IValidateOptions<HelpdeskOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HelpdeskOptions options)
    {
        var errors = new List<string>();
        if (options.ClaimTimeout <= TimeSpan.Zero)
        {
            errors.Add("Helpdesk:ClaimTimeout must be positive.");
        }
        if (options.ClaimCheckInterval <= TimeSpan.Zero)
        {
            errors.Add("Helpdesk:ClaimCheckInterval must be positive.");
        }
        var webhook = options.Webhook;
        if (webhook.Enabled)
        {
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("Helpdesk:Webhook:Url must be an absolute http(s) URL.");
            }
            if (string.IsNullOrEmpty(webhook.Secret) || webhook.Secret.Length < 16)
            {
                errors.Add("Helpdesk:Webhook:Secret must be set (at least 16 characters) when Helpdesk:Webhook:Url is set.");
            }
        }
        if (webhook.AttemptTimeout <= TimeSpan.Zero || webhook.OutboxBackoff <= TimeSpan.Zero || webhook.PollInterval <= TimeSpan.Zero || webhook.Lease <= TimeSpan.Zero)
        {
            errors.Add("Helpdesk:Webhook timings must be positive.");
        }
        if (webhook.ImmediateRetries is < 0 or > 10)
        {
            errors.Add("Helpdesk:Webhook:ImmediateRetries must be 0–10.");
        }
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            if (string.IsNullOrWhiteSpace(account.UserName))
            {
                errors.Add($"Helpdesk:Accounts:{i}:UserName is empty.");
            }
            if (!PasswordHasher.IsWellFormed(account.PasswordHash))
            {
                errors.Add($"Helpdesk:Accounts:{i}:PasswordHash is not a hash from 'helpdesk hash-password'.");
            }
        }
        if (!string.IsNullOrEmpty(options.Oidc.Authority) && string.IsNullOrEmpty(options.Oidc.ClientId))
        {
            errors.Add("Helpdesk:Oidc:ClientId is required when Helpdesk:Oidc:Authority is set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
