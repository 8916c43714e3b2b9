using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SupportBot.Helpdesk.Auth;

/// <summary>
/// Checks local staff credentials against <c>Helpdesk:Accounts</c> and builds their principal.
/// Successful checks are remembered briefly, because PBKDF2 is deliberately slow and HTTP Basic
/// sends the password with every request.
/// </summary>
public sealed class StaffDirectory
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private readonly IOptionsMonitor<HelpdeskOptions> _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    /// <summary>Creates the directory.</summary>
    public StaffDirectory(IOptionsMonitor<HelpdeskOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The principal for valid credentials (claims typed for <paramref name="authenticationType"/>), else null.</summary>
    public ClaimsPrincipal? SignIn(string userName, string password, string authenticationType)
    {
        var account = _options.CurrentValue.Accounts.FirstOrDefault(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            // Same cost as a real check, so response times do not reveal which names exist.
            PasswordHasher.Verify(password, DummyHash.Value);
            return null;
        }
        if (!IsRemembered(account, password) && !PasswordHasher.Verify(password, account.PasswordHash))
        {
            return null;
        }
        Remember(account, password);
        return CreatePrincipal(account.UserName, account.DisplayName ?? account.UserName, account.Roles, authenticationType);
    }

    /// <summary>A principal with name, display name and role claims.</summary>
    public static ClaimsPrincipal CreatePrincipal(string userName, string displayName, IEnumerable<string> roles, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(HelpdeskRoles.DisplayNameClaim, displayName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));

    private string Key(HelpdeskAccount account, string password)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{account.UserName}\0{password}\0{account.PasswordHash}")));

    private bool IsRemembered(HelpdeskAccount account, string password)
        => _verified.TryGetValue(Key(account, password), out var until) && until > _time.GetUtcNow();

    private void Remember(HelpdeskAccount account, string password)
    {
        if (_verified.Count > 1000)
        {
            _verified.Clear();
        }
        _verified[Key(account, password)] = _time.GetUtcNow() + RememberFor;
    }
}
