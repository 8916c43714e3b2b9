using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Tokens;

namespace SupportBot.Server.Tests.DirectLine.Units;

public sealed class DirectLineTokenServiceTests
{
    private const string Secret = "unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private DirectLineTokenService Service(string secret = Secret) =>
        new(Options.Create(new DirectLineOptions { Secret = secret }), _time);

    [Fact]
    public async Task Issue_ThenAuthenticate_ReturnsConversationUserAndExpiry()
    {
        var service = Service();
        var token = service.Issue("conv-1", "dl_user");
        Assert.Equal(1800, token.ExpiresIn);
        var caller = await service.AuthenticateAsync("Bearer " + token.Token);
        Assert.False(caller.IsSecret);
        Assert.Equal("conv-1", caller.ConversationId);
        Assert.Equal("dl_user", caller.UserId);
        Assert.Equal(_time.GetUtcNow().AddMinutes(30), caller.ExpiresAt);
    }

    [Fact]
    public async Task Authenticate_AfterExpiry_ThrowsTokenExpired()
    {
        var service = Service();
        var token = service.Issue("c", "u").Token;
        _time.Advance(TimeSpan.FromMinutes(30));
        var error = await Assert.ThrowsAsync<DirectLineException>(() => service.AuthenticateAsync(token));
        Assert.Equal((403, "TokenExpired"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Authenticate_TokenFromAnotherSecret_ThrowsTokenInvalid()
    {
        var foreign = Service(Secret + "-other").Issue("c", "u").Token;
        var error = await Assert.ThrowsAsync<DirectLineException>(() => Service().AuthenticateAsync(foreign));
        Assert.Equal((403, "TokenInvalid"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Authenticate_Secret_IsSecretCallerUnlessSecretIsNotAllowed()
    {
        var service = Service();
        Assert.True((await service.AuthenticateAsync("Bearer " + Secret)).IsSecret);
        await Assert.ThrowsAsync<DirectLineException>(() => service.AuthenticateAsync(Secret, allowSecret: false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    public async Task Authenticate_Missing_Throws401(string? header)
    {
        var error = await Assert.ThrowsAsync<DirectLineException>(() => Service().AuthenticateAsync(header));
        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public void SecretFile_LoadOrCreate_CreatesOnceAndRereadsSameValue()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dl-secret-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = DirectLineSecretFile.LoadOrCreate(dir);
            Assert.True(first.Length >= 32);
            Assert.Equal(first, DirectLineSecretFile.LoadOrCreate(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
