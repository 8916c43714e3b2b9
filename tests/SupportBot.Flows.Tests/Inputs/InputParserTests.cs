using SupportBot.Flows.Inputs;

namespace SupportBot.Flows.Tests.Inputs;

public class InputParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("12日", 12)]
    [InlineData("残り12日", 12)]
    [InlineData("あと 3 日です", 3)]
    [InlineData("たくさん", null)]
    [InlineData("12日か13日", null)]
    [InlineData("45", null)]
    public void ParseNumber_TypedDays_ReadsTheOneNumber(string text, int? expected) =>
        Assert.Equal(expected, InputParser.ParseNumber(text, 0, 30));

    [Theory]
    [InlineData("2.5.0", "2.5.0")]
    [InlineData("v2.6", "2.6.0")]
    [InlineData("2.5", "2.5.0")]
    [InlineData("Ver.2.5.1", "2.5.1")]
    [InlineData("バージョン2.5", "2.5.0")]
    [InlineData("２．５．０", "2.5.0")]
    [InlineData("v2.x.x", null)]
    [InlineData("最新", null)]
    public void SoftwareVersion_TypedVersions_Parsed(string text, string? expected) =>
        Assert.Equal(expected, SoftwareVersion.TryParse(text)?.ToString());

    [Fact]
    public void SoftwareVersion_Compare_PartByPart()
    {
        Assert.True(SoftwareVersion.TryParse("2.10")!.CompareTo(SoftwareVersion.TryParse("2.5.0")) > 0);
        Assert.Equal(0, SoftwareVersion.TryParse("2.5")!.CompareTo(SoftwareVersion.TryParse("2.5.0")));
    }

    [Theory]
    [InlineData("  ABC123 ", "ABC123")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("ABC-123", null)]
    [InlineData("株式会社", null)]
    public void ParseCompanyCode_TrimmedAlphanumeric(string text, string? expected) =>
        Assert.Equal(expected, InputParser.ParseCompanyCode(text));
}
