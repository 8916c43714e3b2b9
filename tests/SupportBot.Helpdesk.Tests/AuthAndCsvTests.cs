using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Helpdesk.Api;
using SupportBot.Helpdesk.Auth;
using SupportBot.Helpdesk.Relay;

namespace SupportBot.Helpdesk.Tests;

public class PasswordHasherTests
{
    [Fact]
    public void AHashIsSelfDescribingAndVerifies()
    {
        var hash = PasswordHasher.Hash("秘密のパスワード", iterations: 1000);
        var parts = hash.Split('$');
        Assert.Equal(["PBKDF2-SHA256", "1000"], parts[..2]);
        Assert.True(PasswordHasher.Verify("秘密のパスワード", hash));
        Assert.False(PasswordHasher.Verify("違う", hash));
        Assert.NotEqual(hash, PasswordHasher.Hash("秘密のパスワード", iterations: 1000));
        Assert.False(PasswordHasher.IsWellFormed("plain-text"));
        Assert.False(PasswordHasher.Verify("x", "PBKDF2-SHA256$abc$$"));
    }

    [Fact]
    public void TheHashPasswordCommandReadsStandardInput()
    {
        var output = new StringWriter();
        var exit = HelpdeskCommandLine.Run(["helpdesk", "hash-password"], new StringReader("s3cret\n"), output, new StringWriter());
        Assert.Equal(0, exit);
        Assert.True(PasswordHasher.Verify("s3cret", output.ToString().Trim().Split('\n')[^1].Trim()));
        Assert.Equal(2, HelpdeskCommandLine.Run(["helpdesk", "nope"], new StringReader(""), new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void OptionsValidationReportsEveryProblem()
    {
        var options = new HelpdeskOptions
        {
            Webhook = new WebhookOptions { Url = "ftp://x", Secret = "short" },
            Accounts = [new HelpdeskAccount { UserName = "", PasswordHash = "nope" }],
            Oidc = new OidcOptions { Authority = "https://login.example.com" },
        };
        var result = new HelpdeskOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.True(new HelpdeskOptionsValidator().Validate(null, new HelpdeskOptions()).Succeeded);
    }
}

public class TicketCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1", "'-1")]
    [InlineData(null, "")]
    public void CellsAreEscaped(string? value, string expected) => Assert.Equal(expected, TicketCsv.Escape(value));

    [Fact]
    public void TheFileStartsWithABomAndAHeader()
    {
        var bytes = TicketCsv.Write([], TimeZoneInfo.Utc);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(string.Join(',', TicketCsv.Columns) + "\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}

public class HelpdeskTextsTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData(" ３ ", 3)]
    [InlineData("★★", 2)]
    [InlineData("6", null)]
    [InlineData("とても良い", null)]
    [InlineData("", null)]
    public void RatingsAreRead(string text, int? expected) => Assert.Equal(expected, HelpdeskTexts.ParseRating(text));

    [Fact]
    public void EnglishLocalesGetEnglish()
    {
        Assert.Contains("has joined", HelpdeskTexts.StaffJoined("Sato", "en-US"), StringComparison.Ordinal);
        Assert.Contains("担当者が参加しました", HelpdeskTexts.StaffJoined("佐藤", "ja-JP"), StringComparison.Ordinal);
        Assert.Contains("担当者が参加しました", HelpdeskTexts.StaffJoined("佐藤", null), StringComparison.Ordinal);
    }
}
