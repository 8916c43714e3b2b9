using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Connector.Authentication;
using SupportBot.Connector.Tests.Infrastructure;
using Xunit.Abstractions;
using static SupportBot.Connector.Tests.Authentication.AuthTestHost;

namespace SupportBot.Connector.Tests.Authentication;

/// <summary>
/// The inbound authentication table (protocol.md §3): every case is a real token checked against keys served
/// by a local OpenID issuer over HTTP. Only the rows marked 200 may pass.
/// </summary>
public sealed class ChannelAuthenticatorTableTests : IClassFixture<ChannelAuthenticatorTableTests.IssuerFixture>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private readonly IssuerFixture _fixture;

    private readonly ITestOutputHelper _output;

    public ChannelAuthenticatorTableTests(IssuerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public sealed class IssuerFixture : IAsyncLifetime
    {
        public LocalOpenIdIssuer Issuer { get; private set; } = null!;
        public LocalOpenIdIssuer.SigningKey TeamsKey { get; private set; } = null!;
        public LocalOpenIdIssuer.SigningKey EntraKey { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Issuer = await LocalOpenIdIssuer.StartAsync();
            TeamsKey = Issuer.AddAbsKey("abs-key-1", "msteams", "directline");
            EntraKey = Issuer.AddEntraKey("entra-key-1");
        }

        public async Task DisposeAsync() => await Issuer.DisposeAsync();
    }

    /// <summary>One row: how to build the request, and the status it must get (200 = accepted).</summary>
    private sealed record Case(string Channel, Func<IssuerFixture, DateTimeOffset, string?> Header, int Expected, string? AppId = AppId, string Url = ServiceUrl);

    private static Dictionary<string, object> AbsClaims(string audience = AppId, string? serviceUrl = ServiceUrl, string issuer = "https://api.botframework.com")
    {
        var claims = new Dictionary<string, object> { ["iss"] = issuer, ["aud"] = audience };
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return claims;
    }

    private static Dictionary<string, object> EntraClaims(string version, string callerAppId, string tenant = BotFrameworkTenant) =>
        version == "2.0"
            ? new() { ["iss"] = $"https://login.microsoftonline.com/{tenant}/v2.0", ["aud"] = AppId, ["ver"] = "2.0", ["azp"] = callerAppId }
            : new() { ["iss"] = $"https://sts.windows.net/{tenant}/", ["aud"] = AppId, ["ver"] = "1.0", ["appid"] = callerAppId };

    private static string Bearer(string token) => "Bearer " + token;

    private static string Valid(IssuerFixture f, DateTimeOffset now, Dictionary<string, object>? claims = null) =>
        LocalOpenIdIssuer.Sign(f.TeamsKey, claims ?? AbsClaims(), now.AddMinutes(-1), now.AddMinutes(59));

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["valid Teams token"] = new("msteams", (f, now) => Bearer(Valid(f, now)), 200),
        ["valid, expired 2 min ago (inside 5 min skew)"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.TeamsKey, AbsClaims(), now.AddHours(-1), now.AddMinutes(-2))), 200),
        ["valid RS512"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.TeamsKey, AbsClaims(), now.AddMinutes(-1), now.AddMinutes(59), SecurityAlgorithms.RsaSha512)), 200),
        ["valid, serviceUrl differs only in case"] = new("msteams", (f, now) => Bearer(Valid(f, now)), 200, Url: ServiceUrl.ToUpperInvariant()),
        ["expired"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.TeamsKey, AbsClaims(), now.AddHours(-2), now.AddMinutes(-6))), 401),
        ["not yet valid"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.TeamsKey, AbsClaims(), now.AddMinutes(6), now.AddHours(1))), 401),
        ["wrong issuer"] = new("msteams", (f, now) => Bearer(Valid(f, now, AbsClaims(issuer: "https://api.botframework.com.evil.example"))), 401),
        ["wrong audience (another bot's token)"] = new("msteams", (f, now) => Bearer(Valid(f, now, AbsClaims(audience: OtherAppId))), 401),
        ["unknown signing key"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(LocalOpenIdIssuer.Unpublished("abs-key-unknown"), AbsClaims(), now.AddMinutes(-1), now.AddMinutes(59))), 401),
        ["unpublished key reusing a published kid"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(LocalOpenIdIssuer.Unpublished("abs-key-1"), AbsClaims(), now.AddMinutes(-1), now.AddMinutes(59))), 401),
        ["channel not endorsed by the key"] = new("webchat", (f, now) => Bearer(Valid(f, now)), 403),
        ["serviceurl claim mismatch"] = new("msteams", (f, now) => Bearer(Valid(f, now, AbsClaims(serviceUrl: "https://attacker.example/"))), 401),
        ["serviceurl claim missing"] = new("msteams", (f, now) => Bearer(Valid(f, now, AbsClaims(serviceUrl: null))), 401),
        ["tampered payload"] = new("msteams", (f, now) => Bearer(Tamper(Valid(f, now))), 401),
        ["alg none"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Unsigned("abs-key-1", AbsClaims())), 401),
        ["HS256 with the public key as secret"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.SignWithPublicKeyAsSecret(f.TeamsKey, AbsClaims(), now.AddMinutes(-1), now.AddMinutes(59))), 401),
        ["no header while an app id is set"] = new("msteams", (f, now) => null, 401),
        ["Basic scheme"] = new("msteams", (f, now) => "Basic " + Valid(f, now), 401),
        ["garbage token"] = new("msteams", (f, now) => "Bearer not.a.jwt", 401),
        ["anonymous mode, no header"] = new("emulator", (f, now) => null, 200, AppId: null, Url: "http://localhost:3978/"),
        ["anonymous mode, header with a bad token"] = new("emulator", (f, now) => "Bearer not.a.jwt", 401, AppId: null, Url: "http://localhost:3978/"),
        ["anonymous mode, header with a valid-looking token"] = new("msteams", (f, now) => Bearer(Valid(f, now)), 401, AppId: null),
        ["Emulator token v1 (appid = own app id)"] = new("emulator", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.EntraKey, EntraClaims("1.0", AppId), now.AddMinutes(-1), now.AddMinutes(59))), 200, Url: "http://localhost:3978/"),
        ["Emulator token v2 (azp = own app id)"] = new("emulator", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.EntraKey, EntraClaims("2.0", AppId), now.AddMinutes(-1), now.AddMinutes(59))), 200, Url: "http://localhost:3978/"),
        ["Entra token from a bot not allow-listed"] = new("emulator", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.EntraKey, EntraClaims("1.0", OtherAppId), now.AddMinutes(-1), now.AddMinutes(59))), 401),
        ["Entra token from an unknown tenant"] = new("emulator", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.EntraKey, EntraClaims("1.0", AppId, tenant: "11111111-2222-3333-4444-555555555555"), now.AddMinutes(-1), now.AddMinutes(59))), 401),
        ["Bot Framework issuer signed with an Entra key"] = new("msteams", (f, now) => Bearer(LocalOpenIdIssuer.Sign(f.EntraKey, AbsClaims(), now.AddMinutes(-1), now.AddMinutes(59))), 401),
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Inbound_token_is_accepted_only_when_every_rule_holds(string name)
    {
        var row = Cases[name];
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Build(_fixture.Issuer, time, row.AppId);
        var authenticator = services.GetRequiredService<IChannelAuthenticator>();
        var trusted = services.GetRequiredService<ITrustedServiceUrls>();

        var result = await authenticator.AuthenticateAsync(row.Header(_fixture, time.GetUtcNow()), row.Channel, row.Url, CancellationToken.None);

        _output.WriteLine($"{name}: {result.StatusCode} {result.FailureReason}");
        Assert.True(row.Expected == result.StatusCode, $"{name}: expected {row.Expected}, got {result.StatusCode} ({result.FailureReason})");
        Assert.Equal(row.Expected == 200, trusted.IsTrusted(row.Url));
    }

    [Fact]
    public async Task Teams_token_sets_azure_caller_id_and_keeps_claims()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Build(_fixture.Issuer, time);
        var result = await services.GetRequiredService<IChannelAuthenticator>()
            .AuthenticateAsync(Bearer(Valid(_fixture, time.GetUtcNow())), "msteams", ServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("urn:botframework:azure", result.CallerId);
        Assert.Equal(AppId, result.AppId);
        Assert.Equal(ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task Allow_listed_bot_gets_aadappid_caller_id()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["AllowedCallerAppIds:0"] = OtherAppId };
        await using var services = Build(_fixture.Issuer, time, extra: settings);
        var token = LocalOpenIdIssuer.Sign(_fixture.EntraKey, EntraClaims("2.0", OtherAppId), time.GetUtcNow().AddMinutes(-1), time.GetUtcNow().AddMinutes(30));

        var result = await services.GetRequiredService<IChannelAuthenticator>()
            .AuthenticateAsync(Bearer(token), "msteams", "https://skills.example/api/skills/", CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("urn:botframework:aadappid:" + OtherAppId, result.CallerId);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("smba.trafficmanager.net", "smba.trafficmanager.nex", StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(payload) + "." + parts[2];
    }
}
