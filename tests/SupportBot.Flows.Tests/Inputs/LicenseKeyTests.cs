using SupportBot.Flows.Inputs;

namespace SupportBot.Flows.Tests.Inputs;

public class LicenseKeyTests
{
    [Theory]
    [InlineData("ABCD-EFGH-JKMN-PQRS", "ABCD-****-****-PQRS", true)]
    [InlineData("ABCD EFGH JKMN PQRS", "ABCD-****-****-PQRS", true)]
    [InlineData("ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ－ＰＱＲＳ", "ABCD-****-****-PQRS", true)]
    [InlineData("ABCDEFGHJKMNPQRS", "ABCD-****-****-PQRS", false)]
    [InlineData("abcdEFGH2345", "abcd-****-2345", false)]
    public void Parse_ValidKey_NormalisesAndMasks(string typed, string masked, bool hadSeparators)
    {
        var (key, problem) = LicenseKey.Parse(typed);

        Assert.Equal(LicenseKeyProblem.None, problem);
        Assert.Equal(masked, key!.Masked);
        Assert.Equal(masked, key.ToString());
        Assert.Equal(hadSeparators, key.HadSeparators);
        Assert.StartsWith("sha256:", key.Hash);
    }

    [Fact]
    public void Parse_LookAlikes_FlaggedWithPositions()
    {
        var (key, _) = LicenseKey.Parse("A0BO-C1Dl-EIFG-HJKM");

        Assert.Equal([new LookAlike(2, '0'), new LookAlike(4, 'O'), new LookAlike(6, '1'), new LookAlike(8, 'l'), new LookAlike(10, 'I')], key!.LookAlikes);
    }

    [Fact]
    public void Parse_CaseKept_DifferentHashes()
    {
        Assert.NotEqual(LicenseKey.Parse("abcdEFGH2345").Key!.Hash, LicenseKey.Parse("ABCDefgh2345").Key!.Hash);
        Assert.Equal(LicenseKey.Parse("ABCD-EFGH-2345").Key!.Hash, LicenseKey.Parse("ABCDEFGH2345").Key!.Hash);
    }

    [Theory]
    [InlineData("", LicenseKeyProblem.Empty)]
    [InlineData(" - ", LicenseKeyProblem.Empty)]
    [InlineData("ABCD-ÉFGH-JKMN", LicenseKeyProblem.InvalidCharacters)]
    [InlineData("キーです", LicenseKeyProblem.InvalidCharacters)]
    [InlineData("ABC", LicenseKeyProblem.WrongLength)]
    public void Parse_NotAKey_ReturnsProblem(string typed, LicenseKeyProblem expected)
    {
        var (key, problem) = LicenseKey.Parse(typed);

        Assert.Null(key);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Redact_KeyInsideFreeText_Masked()
    {
        var text = SensitiveText.Redact("キー ABCD-EFGH-2345-WXYZ でエラー 0x8004 が出ます");

        Assert.Equal("キー ABCD-****-****-WXYZ でエラー 0x8004 が出ます", text);
    }
}
