namespace SupportBot.Helpdesk;

/// <summary>Settings under <c>Helpdesk</c>. Validated at start (see <see cref="HelpdeskOptionsValidator"/>).</summary>
public sealed class HelpdeskOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Helpdesk";

    /// <summary>
    /// The SQLite file for the helpdesk tables. Default: <c>supportbot.db</c> under <c>Storage:DataDirectory</c>
    /// (or <c>data</c>), i.e. the same file as the core storage.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>Prefix of ticket numbers (<c>SB</c> gives <c>SB-20261123-0042</c>).</summary>
    public string TicketPrefix { get; set; } = "SB";

    /// <summary>Time zone whose calendar day a ticket number carries (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>Queue name sent in <c>handoff.initiate</c>.</summary>
    public string Queue { get; set; } = "helpdesk";

    /// <summary>If nobody claims a ticket within this time, the user is told once that it stands.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the claim-timeout check runs.</summary>
    public TimeSpan ClaimCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How the user will be contacted (Japanese), told when nobody claims in time.</summary>
    public string ContactText { get; set; } = "担当者の手が空き次第、このチャットでご連絡します。チャットを閉じた場合は、ご登録のメールアドレスにご連絡します。";

    /// <summary>The same in English.</summary>
    public string ContactTextEn { get; set; } = "A member of staff will reply in this chat as soon as one is free. If you close the chat, we will contact you by e-mail.";

    /// <summary>Accept HTTP Basic on plain HTTP (tests and loopback development only).</summary>
    public bool AllowBasicOverHttp { get; set; }

    /// <summary>Whether <c>MapHelpdesk</c> also maps the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public bool MapOpenApi { get; set; } = true;

    /// <summary>The webhook into the staff's ticket tool.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Local staff accounts (the default sign-in).</summary>
    public List<HelpdeskAccount> Accounts { get; set; } = [];

    /// <summary>OpenID Connect provider for production (bearer tokens on the API).</summary>
    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>Settings under <c>Helpdesk:Webhook</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Where tickets are POSTed; empty switches the webhook off.</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 key (at least 16 characters).</summary>
    public string? Secret { get; set; }

    /// <summary>Time limit of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Immediate retries inside one delivery round (Polly, exponential).</summary>
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>First delay between immediate retries.</summary>
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay before a failed item is tried again from the outbox; doubles each time.</summary>
    public TimeSpan OutboxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest delay between outbox rounds.</summary>
    public TimeSpan OutboxBackoffMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the drainer looks for due items when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a leased item stays hidden from other drainers (covers a crash mid-send).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether a webhook is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>A local staff account (<c>Helpdesk:Accounts:n</c>).</summary>
public sealed class HelpdeskAccount
{
    /// <summary>Sign-in name.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Name shown to users; defaults to the user name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>A hash from <c>helpdesk hash-password</c> (<c>PBKDF2-SHA256$iterations$salt$hash</c>).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>helpdesk-agent</c> and/or <c>helpdesk-admin</c>.</summary>
    public List<string> Roles { get; set; } = [];
}

/// <summary>Settings under <c>Helpdesk:Oidc</c>; when <see cref="Authority"/> is set the API accepts its bearer tokens.</summary>
public sealed class OidcOptions
{
    /// <summary>Issuer URL (its <c>.well-known/openid-configuration</c> is read).</summary>
    public string? Authority { get; set; }

    /// <summary>Client id; tokens must carry it as audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret (kept for an interactive console sign-in; not needed to validate tokens).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim holding roles.</summary>
    public string RoleClaim { get; set; } = "roles";
}
