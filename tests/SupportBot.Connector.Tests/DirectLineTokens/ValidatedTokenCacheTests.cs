using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Tokens;

namespace SupportBot.Connector.Tests.DirectLineTokens;

/// <summary>
/// Remembering validated Direct Line tokens must not weaken the checks: a remembered token still expires,
/// and anything that is not byte-for-byte a validated token goes through the full JWT validation.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private const string Secret = "cache-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private DirectLineTokenService Service(string secret = Secret) =>
        new(Options.Create(new DirectLineOptions { Secret = secret }), _time);

    [Fact]
    public async Task RememberedToken_StillExpiresOnTime()
    {
        var service = Service();
        var token = service.Issue("c", "u").Token;
        var first = await service.AuthenticateAsync("Bearer " + token);
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(first, await service.AuthenticateAsync(token));

        _time.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<DirectLineException>(() => service.AuthenticateAsync(token));
        Assert.Equal((403, "TokenExpired"), (error.StatusCode, error.Code));
        // And again (the entry was dropped, the full validation answers the same).
        error = await Assert.ThrowsAsync<DirectLineException>(() => service.AuthenticateAsync(token));
        Assert.Equal((403, "TokenExpired"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task TamperedCopyOfARememberedToken_IsRefused()
    {
        var service = Service();
        var token = service.Issue("conv-a", "u").Token;
        await service.AuthenticateAsync(token);

        var lastSignatureChar = token[^2] == 'A' ? 'B' : 'A';
        var tampered = token[..^2] + lastSignatureChar + token[^1];
        var error = await Assert.ThrowsAsync<DirectLineException>(() => service.AuthenticateAsync(tampered));
        Assert.Equal((403, "TokenInvalid"), (error.StatusCode, error.Code));
        Assert.Equal("conv-a", (await service.AuthenticateAsync(token)).ConversationId);
    }

    [Fact]
    public async Task TokenRememberedByOneService_IsNotTrustedByAnotherSecret()
    {
        var issuer = Service();
        var token = issuer.Issue("c", "u").Token;
        await issuer.AuthenticateAsync(token);
        var error = await Assert.ThrowsAsync<DirectLineException>(() => Service(Secret + "-other").AuthenticateAsync(token));
        Assert.Equal((403, "TokenInvalid"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task MoreTokensThanTheCacheHolds_AllStillAuthenticate()
    {
        var service = Service();
        var tokens = Enumerable.Range(0, 5000).Select(i => service.Issue("conv-" + i, "user-" + i).Token).ToList();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var caller = await service.AuthenticateAsync(tokens[i]);
                Assert.Equal(("conv-" + i, "user-" + i), (caller.ConversationId, caller.UserId));
            }
        }
    }
}
