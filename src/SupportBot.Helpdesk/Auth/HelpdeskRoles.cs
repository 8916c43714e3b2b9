namespace SupportBot.Helpdesk.Auth;

/// <summary>Role names and the authentication scheme and policy names the helpdesk registers.</summary>
public static class HelpdeskRoles
{
    /// <summary>May work the queue: list, claim, chat, close, export.</summary>
    public const string Agent = "helpdesk-agent";

    /// <summary>Everything an agent may, plus the outbox failures.</summary>
    public const string Admin = "helpdesk-admin";

    /// <summary>The policy scheme that picks cookie, Basic or bearer per request (own name: no clash with the host's schemes).</summary>
    public const string Scheme = "Helpdesk";

    /// <summary>Cookie scheme of the console.</summary>
    public const string CookieScheme = "Helpdesk.Cookie";

    /// <summary>HTTP Basic scheme for tools.</summary>
    public const string BasicScheme = "Helpdesk.Basic";

    /// <summary>Bearer tokens from the OpenID Connect provider.</summary>
    public const string BearerScheme = "Helpdesk.Bearer";

    /// <summary>Policy: agent or admin.</summary>
    public const string AgentPolicy = "Helpdesk.Agent";

    /// <summary>Policy: admin.</summary>
    public const string AdminPolicy = "Helpdesk.Admin";

    /// <summary>Claim carrying the name shown to users.</summary>
    public const string DisplayNameClaim = "helpdesk:display_name";
}
